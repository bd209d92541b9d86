/** Codes of {@link CalendarError}: what went wrong when asking an exchange calendar. */
export type CalendarErrorCode =
  | 'CALENDAR_UNKNOWN'
  | 'CALENDAR_BAD_DATE'
  | 'CALENDAR_OUT_OF_RANGE'
  | 'CALENDAR_NOT_A_SESSION';

/**
 * Error thrown by the exchange session calendars: carries a `code`, the calendar code and the date asked about, and a
 * message that says what to do (e.g. which years are covered).
 */
export class CalendarError extends Error {
  /** Machine-readable reason. */
  readonly code: CalendarErrorCode;
  /** Calendar asked, e.g. `XNYS`. */
  readonly calendar: string;
  /** Date or value asked about, as given. */
  readonly date: string;

  constructor(code: CalendarErrorCode, calendar: string, date: string, message: string) {
    super(message);
    this.name = 'CalendarError';
    this.code = code;
    this.calendar = calendar;
    this.date = date;
  }
}
