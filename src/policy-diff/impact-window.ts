import { DateTime } from 'luxon';
import type { PricePanel } from '../market/price-panel.js';

/** How far back `ballast diff` replays by default: the last two years of the prices. */
export const IMPACT_YEARS = 2;

/**
 * The window `ballast diff` replays both revisions over: `to` defaults to the prices' last date, `from` to
 * {@link IMPACT_YEARS} years before `to`, but never before the prices' first date. Dates are `YYYY-MM-DD`.
 */
export function impactWindow(prices: PricePanel, from?: string, to?: string): { readonly from: string; readonly to: string } {
  const first = prices.dates[0] ?? '';
  const end = to ?? prices.dates[prices.dates.length - 1] ?? '';
  const start = from ?? DateTime.fromISO(end, { zone: 'utc' }).minus({ years: IMPACT_YEARS }).toISODate() ?? first;
  return { from: start < first ? first : start, to: end };
}
