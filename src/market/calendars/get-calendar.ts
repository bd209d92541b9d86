import { CalendarError } from '../../errors.js';
import { createExchangeCalendar, type ExchangeCalendar } from './exchange-calendar.js';
import { xnseData } from './xnse-data.js';
import { xnysData } from './xnys-data.js';

/** Codes of the bundled exchange calendars: NYSE (`XNYS`, 1990–2027) and NSE India (`XNSE`, 2023–2026). */
export type CalendarCode = 'XNYS' | 'XNSE';

/** The bundled calendar codes, in a stable order (for schema enums and error messages). */
export const calendarCodes: readonly CalendarCode[] = ['XNYS', 'XNSE'];

const cache = new Map<string, ExchangeCalendar>();

/**
 * Returns the bundled session calendar for an exchange code (`XNYS` or `XNSE`, case-sensitive), built once and shared.
 * Throws `CALENDAR_UNKNOWN` for any other code.
 */
export function getCalendar(code: string): ExchangeCalendar {
  const hit = cache.get(code);
  if (hit) return hit;
  const data = code === 'XNYS' ? xnysData : code === 'XNSE' ? xnseData : undefined;
  if (!data) {
    throw new CalendarError('CALENDAR_UNKNOWN', code, '',
      `Unknown exchange calendar "${code}"`, `write one of: ${calendarCodes.join(', ')}`);
  }
  const calendar = createExchangeCalendar(data);
  cache.set(code, calendar);
  return calendar;
}
