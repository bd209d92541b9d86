/**
 * The data one exchange session calendar is built from: a plain table, no rules, so that every date can be audited
 * against the exchange's own published list.
 *
 * Dates are `YYYY-MM-DD` in the exchange's time zone; times are `HH:MM` wall-clock times in that zone.
 */
export interface CalendarData {
  /** ISO 10383 market identifier code, e.g. `XNYS`. */
  readonly code: string;
  /** Human name of the exchange, e.g. `New York Stock Exchange`. */
  readonly name: string;
  /** IANA time zone of the exchange, e.g. `America/New_York`. */
  readonly timeZone: string;
  /** Regular session open, `HH:MM` local. */
  readonly open: string;
  /** Regular session close, `HH:MM` local. */
  readonly close: string;
  /** First and last calendar year the tables cover (inclusive); any other year is out of range. */
  readonly firstYear: number;
  readonly lastYear: number;
  /** ISO weekdays (1 = Monday … 7 = Sunday) without a regular session. */
  readonly weekendDays: readonly number[];
  /** Weekdays on which the exchange is closed all day (regular holidays and ad hoc closures), by year. */
  readonly holidays: Readonly<Record<number, readonly string[]>>;
  /** Sessions that close early: date → close time `HH:MM` local. */
  readonly earlyCloses: Readonly<Record<string, string>>;
  /** Sessions held on a weekend day: date → `{ open, close }` `HH:MM` local. */
  readonly extraSessions: Readonly<Record<string, { readonly open: string; readonly close: string }>>;
  /** Where the table comes from (named so a reader can re-check it). */
  readonly source: string;
}
