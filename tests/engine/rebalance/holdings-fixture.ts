import type { Holdings, Position } from '../../../src/portfolio/holdings.js';

/** A position for tests; average cost defaults to the price so the position is neither winner nor loser. */
export function position(symbol: string, quantity: number, averageCost: number): Position {
  return { symbol, quantity, averageCost, openedDate: '2026-01-02' };
}

/** Builds holdings and prices from `[symbol, quantity, price, averageCost?]` rows. */
export function book(cash: number, rows: readonly (readonly [string, number, number, number?])[]): { holdings: Holdings; prices: Map<string, number> } {
  return {
    holdings: { cash, positions: rows.filter((r) => r[1] > 0).map(([s, q, p, c]) => position(s, q, c ?? p)) },
    prices: new Map(rows.map(([s, , p]) => [s, p])),
  };
}
