export { CalendarError, type CalendarErrorCode } from './calendar-error.js';
export type { CalendarData } from './calendar-data.js';
export { createExchangeCalendar, type ExchangeCalendar, type SessionTimes } from './exchange-calendar.js';
export { calendarCodes, getCalendar, type CalendarCode } from './get-calendar.js';
