import type { ExchangeCalendar } from '../market/calendars/exchange-calendar.js';
import { getCalendar } from '../market/calendars/get-calendar.js';
import type { PricePanel } from '../market/price-panel.js';
import { closeInstantMs } from '../market/prices-known-at.js';
import type { Policy } from '../policy/policy.js';
import { fileCalendar } from './file-calendar.js';
import { CalendarError, ReplayError } from '../errors.js';

/** The sessions a replay walks, in order, with the panel row and the close instant of each. */
export interface ReplayWindow {
  /** Session dates, `YYYY-MM-DD`, strictly increasing. */
  readonly dates: readonly string[];
  /** Panel row of each session. */
  readonly rows: Int32Array;
  /** Epoch ms of each session's close: decisions see its prices from then on. */
  readonly closeMs: Float64Array;
  /** The calendar the policy's schedules roll on: the policy's own, or the price file's dates. */
  readonly calendar: ExchangeCalendar;
}

/**
 * The sessions of a replay of `policy` on `panel` from `from` to `to` (`YYYY-MM-DD`, inclusive; default the file's
 * first and last dates): every date of the price file; with a policy `calendar`, the file's dates that are sessions of
 * it. Throws `ReplayError` `REPLAY_BAD_WINDOW` when `from` is after `to` or either lies outside the file, and
 * `NO_SESSIONS` when no session is left.
 */
export function replayWindow(panel: PricePanel, policy: Policy, from?: string, to?: string): ReplayWindow {
  const first = panel.dates[0];
  const last = panel.dates[panel.dates.length - 1];
  if (first === undefined || last === undefined) throw new ReplayError('NO_SESSIONS', `${panel.file} has no dates`, 'add rows of a date and closes');
  const range = `${panel.file} covers ${first} to ${last}`;
  if (from !== undefined && to !== undefined && from > to) throw new ReplayError('REPLAY_BAD_WINDOW', `--from ${from} is after --to ${to}`, 'swap them');
  for (const [flag, date] of [['--from', from], ['--to', to]] as const) {
    if (date !== undefined && (date < first || date > last)) throw new ReplayError('REPLAY_BAD_WINDOW', `${flag} ${date} is outside the prices: ${range}`, 'pick a date in that range');
  }
  const calendar = policy.calendar === undefined ? fileCalendar(panel.dates, policy.time_zone) : getCalendar(policy.calendar);
  const dates: string[] = [];
  const rows: number[] = [];
  const closes: number[] = [];
  try {
    panel.dates.forEach((date, row) => {
      if ((from !== undefined && date < from) || (to !== undefined && date > to) || !calendar.isSession(date)) return;
      dates.push(date);
      rows.push(row);
      closes.push(closeInstantMs(date, policy.time_zone, calendar));
    });
  } catch (error) {
    if (error instanceof CalendarError) throw new ReplayError('REPLAY_BAD_WINDOW', `${error.problem} (${range})`, error.action, { cause: error });
    throw error;
  }
  if (dates.length === 0) throw new ReplayError('NO_SESSIONS', `no ${calendar.code} session in ${from ?? first} to ${to ?? last} of ${panel.file}`, 'pick a wider window or another calendar');
  return { dates, rows: Int32Array.from(rows), closeMs: Float64Array.from(closes), calendar };
}
