import type { SleeveState } from './strategy-state.js';

/** A sleeve's book while a run works on it (mutable); see {@link SleeveState} for the fields. */
export interface SleeveBook {
  cash: number;
  shares: Map<string, number>;
  equity: number;
  capitalIn: number;
  costs: number;
  returns: number[];
  /** The return recorded for the session last marked (0 before the first). */
  lastReturn: number;
}

/** A working copy of a stored sleeve. */
export function openBook(state: SleeveState): SleeveBook {
  return {
    cash: state.cash,
    shares: new Map(Object.entries(state.shares)),
    equity: state.equity,
    capitalIn: state.capitalIn,
    costs: state.costs,
    returns: [...state.returns],
    lastReturn: 0,
  };
}

/** An empty sleeve: no capital, nothing held. */
export function emptyBook(): SleeveBook {
  return { cash: 0, shares: new Map(), equity: 0, capitalIn: 0, costs: 0, returns: [], lastReturn: 0 };
}

/** cash + Σ shares × price, base currency. */
export function bookEquity(book: SleeveBook, priceOf: (symbol: string) => number): number {
  let equity = book.cash;
  for (const [symbol, shares] of book.shares) equity += shares * priceOf(symbol);
  return equity;
}

/** How many times the cost estimate is refined when sizing a sleeve net of its own trading costs. */
const COST_PASSES = 2;

/**
 * Trades a sleeve at `priceOf` to the positions `targetShares(equityAfterCosts)` returns, paying `costRate` (a
 * fraction: (commission_bps + slippage_bps) / 10,000) on the notional traded, out of the sleeve's cash. The
 * target is sized on the sleeve's equity after those costs (refined in a few passes, since the costs depend on the
 * trades), so the sleeve stays fully funded. Returns the signed notional traded per symbol (+ buy, − sell).
 */
export function tradeBook(
  book: SleeveBook,
  priceOf: (symbol: string) => number,
  costRate: number,
  targetShares: (equityAfterCosts: number) => Map<string, number>,
): Map<string, number> {
  const equity = bookEquity(book, priceOf);
  let cost = 0;
  let target = targetShares(equity);
  for (let pass = 0; pass < COST_PASSES && costRate > 0; pass++) {
    cost = costRate * tradedNotional(book, target, priceOf);
    target = targetShares(equity - cost);
  }
  cost = costRate * tradedNotional(book, target, priceOf);
  const orders = new Map<string, number>();
  for (const symbol of new Set([...book.shares.keys(), ...target.keys()])) {
    const delta = (target.get(symbol) ?? 0) - (book.shares.get(symbol) ?? 0);
    if (delta === 0) continue;
    const notional = delta * priceOf(symbol);
    orders.set(symbol, notional);
    book.cash -= notional;
  }
  book.cash -= cost;
  book.costs += cost;
  book.shares = new Map([...target].filter(([, shares]) => shares !== 0));
  book.equity = bookEquity(book, priceOf);
  return orders;
}

function tradedNotional(book: SleeveBook, target: ReadonlyMap<string, number>, priceOf: (symbol: string) => number): number {
  let total = 0;
  for (const symbol of new Set([...book.shares.keys(), ...target.keys()])) {
    total += Math.abs(((target.get(symbol) ?? 0) - (book.shares.get(symbol) ?? 0)) * priceOf(symbol));
  }
  return total;
}
