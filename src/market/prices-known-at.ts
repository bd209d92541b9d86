import { wallTimeToInstant } from '../schedule/wall-time.js';
import { localDate } from '../time/zone-offset.js';
import type { ExchangeCalendar } from './calendars/exchange-calendar.js';
import { AS_OF_TIME } from './as-of-instant.js';
import { indexAsOf, type PricePanel } from './price-panel.js';

/**
 * The instant a session's close is known, epoch milliseconds: the calendar's close of `date` (13:00 on an NYSE early
 * close) when `calendar` covers it and has a session then, else {@link AS_OF_TIME} (16:00) in `timeZone`.
 * Decisions see a close only from this instant on ("prices known at the decision time").
 */
export function closeInstantMs(date: string, timeZone: string, calendar?: ExchangeCalendar): number {
  const year = Number(date.slice(0, 4));
  if (calendar && year >= calendar.coveredYears.first && year <= calendar.coveredYears.last && calendar.isSession(date)) {
    const [hour, minute] = calendar.closeTime(date).split(':').map(Number);
    return wallTimeToInstant(date, { hour: hour!, minute: minute! }, calendar.timeZone).epochMs;
  }
  return wallTimeToInstant(date, AS_OF_TIME, timeZone).epochMs;
}

/**
 * The index of the last panel date whose close is known at `at` (see {@link closeInstantMs}): the last close at or
 * before the decision. A decision at 15:10 sees the previous session's close, one at 16:30 that day's. −1 when the
 * panel has no close before `at`. O(log n).
 */
export function indexKnownAt(panel: PricePanel, at: Date, timeZone: string, calendar?: ExchangeCalendar): number {
  const local = localDate(at.getTime(), timeZone);
  let index = indexAsOf(panel, local);
  if (index >= 0 && panel.dates[index] === local && at.getTime() < closeInstantMs(local, timeZone, calendar)) index -= 1;
  return index;
}
