import type { Holdings, Position } from '../../portfolio/holdings.js';
import { breachesDriftBand, driftBandPp } from './drift-band.js';
import { RebalanceError } from '../../errors.js';

/**
 * Where one targeted symbol stands before a rebalance (note 004 §4.1). Money in base currency, weights in percent
 * of equity, drift and band in pp. `unrealizedGainPct` = (price / averageCost − 1) × 100, `undefined` when the
 * symbol is not held or has no positive average cost.
 */
export interface SymbolDrift {
  readonly symbol: string;
  readonly price: number;
  readonly heldQuantity: number;
  /** heldQuantity × price. */
  readonly value: number;
  readonly liveWeightPct: number;
  readonly targetWeightPct: number;
  /** liveWeightPct − targetWeightPct. */
  readonly driftPp: number;
  readonly bandPp: number;
  readonly breachesBand: boolean;
  readonly unrealizedGainPct: number | undefined;
}

/** Equity (cash + Σ position values, targeted or not), cash, and one {@link SymbolDrift} per targeted symbol, in target order. */
export interface DriftSnapshot {
  readonly equity: number;
  readonly cash: number;
  readonly rows: readonly SymbolDrift[];
}

function priceOf(prices: ReadonlyMap<string, number>, symbol: string, missing: string[]): number {
  const price = prices.get(symbol);
  if (price === undefined) {
    missing.push(symbol);
    return 0;
  }
  if (!Number.isFinite(price) || price <= 0) {
    throw new RebalanceError('INVALID_PRICE', `Price of ${symbol} is ${price}.`, 'A rebalance needs a positive price for every symbol: fix the price file.', { symbol, price });
  }
  return price;
}

/**
 * Measures live weights and drift of every targeted symbol (note 004 §4.1 steps 1–5, §4.2 bands).
 *
 * @param holdings cash and positions; held symbols without a target count in equity only.
 * @param prices symbol → price in base currency; every held and every targeted symbol needs one.
 * @param targetsPct symbol → target weight in percent.
 * @throws RebalanceError `MISSING_PRICE` (lists every symbol without a price), `INVALID_PRICE` (≤ 0 or not finite),
 *   `DUPLICATE_POSITION` (two positions for one symbol), `EQUITY_NOT_POSITIVE` (nothing to weigh against).
 */
export function measureDrift(
  holdings: Holdings,
  prices: ReadonlyMap<string, number>,
  targetsPct: ReadonlyMap<string, number>,
  absoluteBandPp: number,
  relativeBandPct: number,
): DriftSnapshot {
  const missing: string[] = [];
  const held = new Map<string, Position>();
  let equity = holdings.cash;
  for (const position of holdings.positions) {
    if (held.has(position.symbol)) {
      throw new RebalanceError('DUPLICATE_POSITION', `Holdings list ${position.symbol} twice.`, 'Merge its lots into one position.', { symbol: position.symbol });
    }
    held.set(position.symbol, position);
    equity += position.quantity * priceOf(prices, position.symbol, missing);
  }
  const rows: SymbolDrift[] = [];
  for (const [symbol, target] of targetsPct) {
    const position = held.get(symbol);
    const price = position === undefined ? priceOf(prices, symbol, missing) : (prices.get(symbol) ?? 0);
    const quantity = position?.quantity ?? 0;
    const averageCost = position?.averageCost ?? 0;
    const value = quantity * price;
    const liveWeightPct = (value / equity) * 100;
    const driftPp = liveWeightPct - target;
    const bandPp = driftBandPp(target, absoluteBandPp, relativeBandPct);
    rows.push({
      symbol,
      price,
      heldQuantity: quantity,
      value,
      liveWeightPct,
      targetWeightPct: target,
      driftPp,
      bandPp,
      breachesBand: breachesDriftBand(driftPp, bandPp),
      unrealizedGainPct: quantity > 0 && averageCost > 0 ? (price / averageCost - 1) * 100 : undefined,
    });
  }
  if (missing.length > 0) {
    throw new RebalanceError('MISSING_PRICE', `No price for ${missing.join(', ')}`, 'fetch prices for every held and targeted symbol before rebalancing', { symbols: missing });
  }
  if (!(equity > 0)) {
    throw new RebalanceError('EQUITY_NOT_POSITIVE', `Equity is ${equity}.`, 'A rebalance needs positive equity (cash + positions): check the holdings.', { equity });
  }
  return { equity, cash: holdings.cash, rows };
}
