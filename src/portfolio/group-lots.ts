import type { Lot } from './account-state.js';
import { type Decimal, add, decimalFromNumber } from './decimal.js';

/** All open lots of one symbol, summed exactly: shares, cost basis (base currency), and the first lot's time. */
export interface LotGroup {
  readonly symbol: string;
  readonly quantity: Decimal;
  readonly costBasis: Decimal;
  /** `openedAt` of the earliest lot still held (lots are kept in time order). */
  readonly openedAt: string;
}

/** Groups lots into one entry per symbol, sorted by symbol, with exact sums of quantity and cost basis. */
export function groupLots(lots: readonly Lot[]): LotGroup[] {
  const groups = new Map<string, LotGroup>();
  for (const lot of lots) {
    const quantity = decimalFromNumber(lot.quantity);
    const costBasis = decimalFromNumber(lot.costBasis);
    const group = groups.get(lot.symbol);
    groups.set(
      lot.symbol,
      group === undefined
        ? { symbol: lot.symbol, quantity, costBasis, openedAt: lot.openedAt }
        : { ...group, quantity: add(group.quantity, quantity), costBasis: add(group.costBasis, costBasis) },
    );
  }
  return [...groups.values()].sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
}

/** The calendar date (`YYYY-MM-DD`) of an ISO 8601 time as written, i.e. in the offset it carries. */
export function datePart(at: string): string {
  return at.slice(0, 10);
}
