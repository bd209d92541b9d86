import { DateTime } from 'luxon';
import { CalendarError } from '../errors.js';
import type { ExchangeCalendar } from '../market/calendars/exchange-calendar.js';
import { addDays } from '../time/iso-date.js';
import { validDateTime } from '../time/valid-date-time.js';

/**
 * The sessions of a policy without a `calendar` in a replay: every date of the price file is a session (so
 * `monthly on first_trading_day` is the first date of each month in the file, as bt's `RunMonthly`), open 09:30 to
 * close 16:00 in `timeZone`. Outside the file's first and last dates every day counts as a session (as for a
 * calendar-less policy live), so slot searches near the ends never fail. `dates` must be sorted.
 */
export function fileCalendar(dates: readonly string[], timeZone: string): ExchangeCalendar {
  const first = dates[0] ?? '';
  const last = dates[dates.length - 1] ?? '';
  const inFile = new Set(dates);
  const isSession = (date: string): boolean => date < first || date > last || inFile.has(date);
  const at = (date: string, hour: number, minute: number): DateTime<true> => validDateTime(DateTime.fromISO(date, { zone: timeZone }).set({ hour, minute }), `${date} in ${timeZone}`);
  const step = (date: string, dir: 1 | -1): string => {
    let d = addDays(date, dir);
    while (!isSession(d)) d = addDays(d, dir);
    return d;
  };
  return {
    code: 'FILE',
    timeZone,
    coveredYears: { first: Number(first.slice(0, 4)) - 1, last: Number(last.slice(0, 4)) + 1 },
    weekendDays: [],
    source: 'the dates of the price file',
    isSession,
    sessionOpenClose(date) {
      if (!isSession(date)) throw new CalendarError('CALENDAR_NOT_A_SESSION', 'FILE', date, `the price file has no row for ${date}`, 'ask for a date of the file');
      return { date, open: at(date, 9, 30), close: at(date, 16, 0), earlyClose: false };
    },
    closeTime: () => '16:00',
    nextSession: (date) => step(date, 1),
    previousSession: (date) => step(date, -1),
  };
}
