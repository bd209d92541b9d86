import type { AccountState } from './account-state.js';

/**
 * A mark per held symbol, base currency per share: the quote, or the lots' average cost when there is none (a symbol
 * without a price is carried at cost).
 */
export function marks(state: AccountState, quote: (symbol: string) => number | undefined): Map<string, number> {
  const result = new Map<string, number>();
  for (const lot of state.lots) {
    if (result.has(lot.symbol)) continue;
    const held = state.lots.filter((l) => l.symbol === lot.symbol);
    const atCost = held.reduce((s, l) => s + l.costBasis, 0) / held.reduce((s, l) => s + l.quantity, 0);
    result.set(lot.symbol, quote(lot.symbol) ?? atCost);
  }
  return result;
}
