import { DateTime } from 'luxon';
import { addDays, isoWeekday, parseIsoDate } from '../../time/iso-date.js';
import { validDateTime } from '../../time/valid-date-time.js';
import type { CalendarData } from './calendar-data.js';
import { CalendarError } from '../../errors.js';

/** Open and close of one session as DateTimes in the exchange's time zone. */
export interface SessionTimes {
  /** Session date, `YYYY-MM-DD` in the exchange's time zone. */
  readonly date: string;
  /** Session open (exchange time zone). */
  readonly open: DateTime<true>;
  /** Session close (exchange time zone); earlier than the regular close on an early-close day. */
  readonly close: DateTime<true>;
  /** True when the close is earlier than the regular close (e.g. 13:00 on the day after Thanksgiving). */
  readonly earlyClose: boolean;
}

/**
 * An exchange session calendar: which dates have a session and when it opens and closes. Dates are `YYYY-MM-DD`
 * strings in the exchange's time zone. Every method throws `CALENDAR_BAD_DATE` for text that is not a real date and
 * `CALENDAR_OUT_OF_RANGE` for a date (or a search) outside `coveredYears`: the calendar never guesses.
 */
export interface ExchangeCalendar {
  /** ISO 10383 market identifier code, e.g. `XNYS`. */
  readonly code: string;
  /** IANA time zone of the exchange. */
  readonly timeZone: string;
  /** First and last covered calendar year, inclusive. */
  readonly coveredYears: { readonly first: number; readonly last: number };
  /** ISO weekdays (1 = Monday … 7 = Sunday) without a regular session. */
  readonly weekendDays: readonly number[];
  /** Where the table comes from. */
  readonly source: string;
  /** True when `date` has a session (a trading day). */
  isSession(date: string): boolean;
  /** Open and close of the session on `date`; throws `CALENDAR_NOT_A_SESSION` when the exchange is closed then. */
  sessionOpenClose(date: string): SessionTimes;
  /** The local close time of the session on `date`, `HH:MM` (early closes included), without building DateTimes. Throws as `sessionOpenClose`. */
  closeTime(date: string): string;
  /** First session strictly after `date` (which need not be a session). */
  nextSession(date: string): string;
  /** Last session strictly before `date` (which need not be a session). */
  previousSession(date: string): string;
}

/**
 * Builds an {@link ExchangeCalendar} over a {@link CalendarData} table (holidays, early closes, weekend sessions).
 * Lookups are O(1) per date; `nextSession`/`previousSession` walk day by day (at most a few days in practice).
 */
export function createExchangeCalendar(data: CalendarData): ExchangeCalendar {
  const holidays = new Set<string>(Object.values(data.holidays).flat());
  const weekend = new Set(data.weekendDays);
  const range = `${data.firstYear}–${data.lastYear}`;

  function check(date: string): void {
    const parts = parseIsoDate(date);
    if (!parts) {
      throw new CalendarError('CALENDAR_BAD_DATE', data.code, date,
        `"${date}" is not a date`, `write it as YYYY-MM-DD, e.g. "${data.lastYear}-01-05"`);
    }
    if (parts[0] < data.firstYear || parts[0] > data.lastYear) {
      throw new CalendarError('CALENDAR_OUT_OF_RANGE', data.code, date,
        `${data.code} calendar covers ${range} only; ${date} is outside it.`,
        `Use a date in ${range} or add that year's holidays to src/market/calendars/${data.code.toLowerCase()}-data.ts.`);
    }
  }

  function sessionOn(date: string): boolean {
    if (data.extraSessions[date]) return true;
    return !weekend.has(isoWeekday(date)) && !holidays.has(date);
  }

  function step(date: string, dir: 1 | -1): string {
    check(date);
    let d = addDays(date, dir);
    for (;;) {
      const year = Number(d.slice(0, 4));
      if (year < data.firstYear || year > data.lastYear) {
        throw new CalendarError('CALENDAR_OUT_OF_RANGE', data.code, date,
          `No ${data.code} session ${dir === 1 ? 'after' : 'before'} ${date} inside the covered years ${range}`, `extend src/market/calendars/${data.code.toLowerCase()}-data.ts`);
      }
      if (sessionOn(d)) return d;
      d = addDays(d, dir);
    }
  }

  function at(date: string, hhmm: string): DateTime<true> {
    const [y, mo, d] = parseIsoDate(date) ?? [0, 0, 0];
    const [h, mi] = hhmm.split(':').map(Number);
    return validDateTime(DateTime.fromObject({ year: y, month: mo, day: d, hour: h, minute: mi }, { zone: data.timeZone }), `${data.code} ${date} ${hhmm}`);
  }

  return {
    code: data.code,
    timeZone: data.timeZone,
    coveredYears: { first: data.firstYear, last: data.lastYear },
    weekendDays: data.weekendDays,
    source: data.source,
    isSession(date) {
      check(date);
      return sessionOn(date);
    },
    sessionOpenClose(date) {
      check(date);
      if (!sessionOn(date)) {
        throw new CalendarError('CALENDAR_NOT_A_SESSION', data.code, date,
          `${data.code} has no session on ${date}`, `ask nextSession("${date}") or previousSession("${date}") for the nearest one`);
      }
      const extra = data.extraSessions[date];
      const close = extra?.close ?? data.earlyCloses[date] ?? data.close;
      return {
        date,
        open: at(date, extra?.open ?? data.open),
        close: at(date, close),
        earlyClose: close < data.close,
      };
    },
    closeTime(date) {
      check(date);
      if (!sessionOn(date)) {
        throw new CalendarError('CALENDAR_NOT_A_SESSION', data.code, date, `${data.code} has no session on ${date}`,
          `ask nextSession("${date}") or previousSession("${date}") for the nearest one`);
      }
      return data.extraSessions[date]?.close ?? data.earlyCloses[date] ?? data.close;
    },
    nextSession: (date) => step(date, 1),
    previousSession: (date) => step(date, -1),
  };
}
