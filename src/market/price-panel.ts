import { lastIndexAtOrBefore } from '../util/last-index-at-or-before.js';

/**
 * Daily closing prices for several symbols: one row per trading date, one column per symbol.
 *
 * `dates` are `YYYY-MM-DD`, strictly increasing. `closes[symbol][i]` is the close on `dates[i]` in base currency,
 * or NaN where the file had an empty cell. `rows[i]` is the file line `dates[i]` came from, for error messages.
 */
export interface PricePanel {
  readonly file: string;
  readonly symbols: readonly string[];
  readonly dates: readonly string[];
  readonly rows: readonly number[];
  readonly closes: ReadonlyMap<string, Float64Array>;
}

/**
 * The index of the last date on or before `date` (prices "as of" a weekend are Friday's), or -1 when the panel
 * starts after it. Binary search: O(log n).
 */
export function indexAsOf(panel: PricePanel, date: string): number {
  return lastIndexAtOrBefore(panel.dates, date);
}
