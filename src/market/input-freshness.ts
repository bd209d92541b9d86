import type { InputProblem } from '../errors.js';
import { daysBetween } from '../time/iso-date.js';
import type { HoldingsFile } from './parse-holdings.js';
import type { PricePanel } from './price-panel.js';

/**
 * The problem with prices whose newest close used (`panel.dates[index]`) is more than `maxAgeDays` calendar days
 * before the run's date `runDate` (`YYYY-MM-DD`), at the row of that close; undefined when they are fresh enough.
 */
export function stalePrices(panel: PricePanel, index: number, runDate: string, maxAgeDays: number): InputProblem | undefined {
  const date = panel.dates[index]!;
  const age = daysBetween(date, runDate);
  if (age <= maxAgeDays) return undefined;
  return {
    file: panel.file,
    row: panel.rows[index],
    message: `the newest close is ${date}, ${age} days before the run's date ${runDate}, older than the policy's max_price_age_days of ${maxAgeDays}: update the prices (or raise max_price_age_days)`,
  };
}

/** Every position opened after the run's date `runDate` (it cannot be held yet), at its holdings row. */
export function openedAfter(holdings: HoldingsFile, runDate: string): InputProblem[] {
  return holdings.holdings.positions
    .filter((position) => position.openedDate > runDate)
    .map((position) => ({
      file: holdings.file,
      row: holdings.rows.get(position.symbol),
      column: 'opened_date',
      message: `${position.openedDate} is after the as-of date ${runDate}: ${position.symbol} cannot be held yet; fix the date or evaluate a later date`,
    }));
}
