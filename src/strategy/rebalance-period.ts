import type { ExchangeCalendar } from '../market/calendars/exchange-calendar.js';
import { parseSchedule } from '../schedule/parse-schedule.js';
import { ScheduleError } from '../errors.js';
import type { Schedule } from '../schedule/schedule.js';
import { slotsBetween } from '../schedule/slots-between.js';
import { addDays } from '../time/iso-date.js';
import { lastIndexAtOrBefore } from '../util/last-index-at-or-before.js';

/**
 * When a strategy rebalances, parsed from its `rebalance:` text:
 * - `sessions`: every N sessions counted from its last rebalance (`daily` = 1, `every 7 trading days` = 7), the
 *   sessions being the dates of the price history (note 000: `days_since >= rebalance_days`);
 * - `calendar`: on the dates a readable schedule form names (`weekly on monday`, `biweekly on monday` in even ISO
 *   weeks, `monthly on last_trading_day`, `quarterly on first_trading_day`), through `src/schedule`: due at the
 *   first session on or after such a date since the last rebalance (a Monday holiday moves it to Tuesday).
 * Every strategy rebalances on its first run.
 */
export type RebalancePeriod =
  | { readonly kind: 'sessions'; readonly text: string; readonly sessions: number }
  | { readonly kind: 'calendar'; readonly text: string; readonly schedule: Schedule; readonly dates: NamedDates };

/**
 * The dates a calendar form names (after rolling onto sessions), worked out through `slotsBetween` a year at a time
 * and kept: they never change, and a replay asks about every session.
 */
export class NamedDates {
  readonly #schedule: Schedule;
  readonly #years = new Map<number, readonly string[]>();
  readonly #sessions = new Map<number, readonly string[]>();

  constructor(schedule: Schedule) {
    this.#schedule = schedule;
  }

  /** The named dates of `year`, sorted. Throws `CALENDAR_OUT_OF_RANGE` beyond the calendar's years. */
  of(year: number): readonly string[] {
    let dates = this.#years.get(year);
    if (dates === undefined) {
      // A roll can reach 10 days back: start the calendar's first covered year late enough to stay inside it.
      const first = this.#schedule.calendar?.coveredYears.first;
      const from = year === first ? `${year}-01-11` : `${year - 1}-12-31`;
      dates = slotsBetween(this.#schedule, midnight(from), midnight(`${year}-12-31`)).map((slot) => slot.date);
      this.#years.set(year, dates);
    }
    return dates;
  }

  /** The sessions of `year` in the schedule's calendar (every day without one), sorted. */
  sessionsOf(year: number): readonly string[] {
    let sessions = this.#sessions.get(year);
    if (sessions === undefined) {
      const { calendar } = this.#schedule;
      const days: string[] = [];
      for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) if (calendar === undefined || calendar.isSession(d)) days.push(d);
      sessions = days;
      this.#sessions.set(year, sessions);
    }
    return sessions;
  }

  /** Sessions in (`from`, `to`], `to` at most a few years after `from`. */
  sessionsBetween(from: string, to: string): number {
    let count = 0;
    for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) count += sessionsBetween(this.sessionsOf(year), from, to);
    return count;
  }

  /** Whether a named date falls in (`from`, `to`]. */
  anyBetween(from: string, to: string): boolean {
    for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
      const dates = this.of(year);
      const i = lastIndexAtOrBefore(dates, from) + 1;
      if (i < dates.length && dates[i]! <= to) return true;
    }
    return false;
  }

  /** The first named date after `date`, looking up to two years ahead; undefined when there is none. */
  after(date: string): string | undefined {
    for (let year = Number(date.slice(0, 4)); year <= Number(date.slice(0, 4)) + 2; year++) {
      const dates = this.of(year);
      const next = dates[lastIndexAtOrBefore(dates, date) + 1];
      if (next !== undefined) return next;
    }
    return undefined;
  }
}

/** The forms a strategy's `rebalance:` accepts, for messages. */
export const REBALANCE_FORMS: readonly string[] = [
  'daily',
  'every 7 trading days',
  'weekly on monday',
  'biweekly on monday',
  'monthly on last_trading_day',
  'quarterly on first_trading_day',
];

/**
 * Parses a strategy's `rebalance:` text. `calendar` is the policy's session calendar: the trading-day rules of
 * monthly and quarterly forms need it.
 *
 * @throws ScheduleError (path `rebalance`) saying which forms exist.
 */
export function parseRebalancePeriod(text: string, strategyId: string, calendar: ExchangeCalendar | undefined): RebalancePeriod {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === 'daily') return { kind: 'sessions', text: t, sessions: 1 };
  const every = /^every (\d+) (?:trading )?(?:days?|sessions?)$/.exec(t);
  if (every && /trading|session/.test(t)) {
    const sessions = Number(every[1]);
    if (!Number.isInteger(sessions) || sessions < 1 || sessions > 366) {
      throw new ScheduleError('SCHEDULE_BAD_INTERVAL', 'rebalance', `"${text}": the number of trading days is out of range`, 'write a whole number from 1 to 366');
    }
    return { kind: 'sessions', text: t, sessions };
  }
  if (/ at \S+$/.test(t)) {
    throw new ScheduleError('SCHEDULE_BAD_SPEC', 'rebalance', `"${text}": a strategy rebalances in the run of that session`, 'leave out the time (e.g. "weekly on monday")');
  }
  if (!/^(weekly|biweekly|monthly|quarterly)\b/.test(t)) {
    throw new ScheduleError('SCHEDULE_UNKNOWN_FORM', 'rebalance',
      `"${text}" is not a rebalance period Ballast understands.`, `Write one of: ${REBALANCE_FORMS.map((f) => `"${f}"`).join(', ')}.`);
  }
  if (/trading_day|trading day/.test(t) && calendar === undefined) {
    throw new ScheduleError('SCHEDULE_BAD_CALENDAR', 'rebalance', `"${text}" needs the policy's \`calendar\` to know which days are trading days`, 'add one, e.g. calendar: XNYS');
  }
  const schedule = parseSchedule({ id: strategyId.replace(/[^a-z0-9_-]/g, '_').slice(0, 64) || 'strategy', when: `${t} at 00:00` }, { policyId: 'strategy', timeZone: 'UTC', ...(calendar ? { calendar } : {}) });
  return { kind: 'calendar', text: t, schedule, dates: new NamedDates(schedule) };
}

/** Number of `sessions` (sorted `YYYY-MM-DD`) strictly after `from` and on or before `to`. O(log n). */
export function sessionsBetween(sessions: readonly string[], from: string, to: string): number {
  return lastIndexAtOrBefore(sessions, to) - lastIndexAtOrBefore(sessions, from);
}

const midnight = (date: string): string => `${date}T00:00:00Z`;

/**
 * Whether a strategy rebalances on session `today`: on its first run (`last` undefined); for `sessions`, when at
 * least N sessions passed since `last`; for `calendar`, when the form names a date in (`last`, `today`].
 *
 * @param sessions the dates of the price history, sorted.
 */
export function isRebalanceDue(period: RebalancePeriod, last: string | undefined, today: string, sessions: readonly string[]): boolean {
  if (last === undefined || last >= today) return last === undefined;
  if (period.kind === 'sessions') return sessionsBetween(sessions, last, today) >= period.sessions;
  return period.dates.anyBetween(last, today);
}

/**
 * Sessions from `today` to the strategy's next rebalance, after it rebalanced on `last` (≤ `today`): for `sessions`,
 * N minus the sessions since `last`; for `calendar`, the sessions of the policy calendar up to the next named date
 * (calendar days without a calendar). At least 1. Undefined when the calendar does not reach that far.
 */
export function sessionsToNextRebalance(period: RebalancePeriod, last: string, today: string, sessions: readonly string[]): number | undefined {
  if (period.kind === 'sessions') return Math.max(1, period.sessions - sessionsBetween(sessions, last, today));
  try {
    const next = period.dates.after(today);
    return next === undefined ? undefined : Math.max(1, period.dates.sessionsBetween(today, next));
  } catch {
    return undefined;
  }
}
