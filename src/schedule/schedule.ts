import type { ExchangeCalendar } from '../market/calendars/exchange-calendar.js';
import type { CronExpression } from './cron-expression.js';

/** A wall-clock time of day in the policy's time zone. */
export interface TimeOfDay {
  /** Hour 0..23. */
  readonly hour: number;
  /** Minute 0..59. */
  readonly minute: number;
}

/** Which day of a month a monthly or quarterly schedule runs: a trading-day rule or a day of month 1..31. */
export type MonthDay = 'first_trading_day' | 'last_trading_day' | number;

/**
 * When a schedule fires, as parsed from its `when`/`cron`/`every` text. All times are wall-clock times in the
 * policy's time zone; dates are local dates there.
 * - `daily`: every trading day of the policy calendar (every day when the policy has no calendar).
 * - `weekly`: the given ISO weekday (1 = Monday … 7 = Sunday) each week.
 * - `biweekly`: the weekday in even ISO weeks; with `anchor`, every second week counted from the anchor's week.
 * - `monthly` / `quarterly`: a day of each month / of March, June, September and December.
 * - `every_days`: every `days` calendar days from `anchor`; `every_trading_days`: every `sessions` sessions from
 *   `anchor` (a session).
 * - `cron`: a five-field cron expression in node-cron's dialect, its dates matched by node-cron (see `parseCronExpression`).
 */
export type SchedulePattern =
  | { readonly kind: 'daily'; readonly at: TimeOfDay }
  | { readonly kind: 'weekly'; readonly weekday: number; readonly at: TimeOfDay }
  | { readonly kind: 'biweekly'; readonly weekday: number; readonly at: TimeOfDay; readonly anchor: string | undefined }
  | { readonly kind: 'monthly'; readonly day: MonthDay; readonly at: TimeOfDay }
  | { readonly kind: 'quarterly'; readonly day: MonthDay; readonly at: TimeOfDay }
  | { readonly kind: 'every_days'; readonly days: number; readonly anchor: string; readonly at: TimeOfDay }
  | { readonly kind: 'every_trading_days'; readonly sessions: number; readonly anchor: string; readonly at: TimeOfDay }
  | { readonly kind: 'cron'; readonly cron: CronExpression };

/**
 * What happens to a slot whose date is not a session of the policy calendar: `next` moves it to the next session
 * (same wall time), `previous` to the previous session, `skip` drops it, `none` keeps it on its own date.
 */
export type RollRule = 'next' | 'previous' | 'skip' | 'none';

/**
 * What the daemon does on start about slots missed while it was down: `latest` runs the most recent missed slot once,
 * `none` runs nothing until the next slot.
 */
export type CatchUpRule = 'latest' | 'none';

/** A parsed, validated schedule entry of one policy, ready for slot computation. */
export interface Schedule {
  /** Id of the policy the schedule belongs to. */
  readonly policyId: string;
  /** Schedule id, unique within the policy; part of every slot key. */
  readonly id: string;
  /** The `when` / `cron` / `every` text as written, for messages. */
  readonly text: string;
  /** When it fires. */
  readonly pattern: SchedulePattern;
  /** Policy sections or rule ids to evaluate at each slot, or `['all']`. */
  readonly runs: readonly string[];
  /** IANA time zone the wall times are in (the policy's). */
  readonly timeZone: string;
  /** Session calendar of the policy; `undefined` means every day is a session (e.g. a 24/7 market). */
  readonly calendar: ExchangeCalendar | undefined;
  /** Non-session handling; see {@link RollRule}. */
  readonly roll: RollRule;
  /** Missed-slot handling on start; see {@link CatchUpRule}. */
  readonly catchUp: CatchUpRule;
}

/** One occurrence of a schedule: an instant at which the policy's `runs` are evaluated. */
export interface Slot {
  /** Stable key `policyId/scheduleId/at`, see `slotKey`. */
  readonly key: string;
  readonly policyId: string;
  readonly scheduleId: string;
  /** The instant, ISO 8601 in UTC without milliseconds, e.g. `2026-03-09T20:30:00Z`. */
  readonly at: string;
  /** The same instant as local time in the policy zone with its offset, e.g. `2026-03-09T16:30:00-04:00`. */
  readonly localTime: string;
  /** Local date the slot runs on (after any roll), `YYYY-MM-DD`. */
  readonly date: string;
  /** Local date the pattern named, when a roll moved the slot to `date`. */
  readonly rolledFrom: string | undefined;
  /** `gap` when the wall time fell in a spring-forward gap and was moved to the gap's end; `overlap` when it fell in a
   * fall-back overlap and the first occurrence was taken; `undefined` otherwise. */
  readonly dst: 'gap' | 'overlap' | undefined;
  /** Sections or rule ids to evaluate, copied from the schedule. */
  readonly runs: readonly string[];
}
