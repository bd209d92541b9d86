/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings (proleptic Gregorian, no time zone involved). Pure helpers used by
 * the exchange calendars and the scheduler; they never read the clock.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` to `[year, month 1..12, day 1..31]`, or `undefined` when the text is not a real date. */
export function parseIsoDate(text: string): [number, number, number] | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return undefined;
  return [y, mo, d];
}

/** Formats year, month (1..12) and day as `YYYY-MM-DD`; out-of-range parts roll over (month 13 → next January). */
export function formatIsoDate(year: number, month: number, day: number): string {
  const t = new Date(Date.UTC(year, month - 1, day));
  const y = String(t.getUTCFullYear()).padStart(4, '0');
  return `${y}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`;
}

const DAY_MS = 86_400_000;

/**
 * Epoch ms of midnight UTC starting `YYYY-MM-DD`, read digit by digit (schedules and calendars walk thousands of
 * dates): what `Date` parses from `${date}T00:00:00Z`, a day past the month's end rolling over (02-30 is 03-02); NaN
 * when the text is not of that form with a month 1–12 and a day 1–31.
 */
function utcMidnight(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return Number.NaN;
  const year = digits(date, 0, 4);
  const month = digits(date, 5, 2);
  const day = digits(date, 8, 2);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return Number.NaN;
  const ms = Date.UTC(year, month - 1, day);
  return year < 100 ? new Date(ms).setUTCFullYear(year, month - 1, day) : ms; // Date.UTC reads years 0–99 as 19xx
}

/** The number written by the `count` decimal digits of `text` from `start`; NaN if one is not a digit. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let k = start; k < start + count; k++) {
    const digit = text.charCodeAt(k) - 48;
    if (!(digit >= 0 && digit <= 9)) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/** Days since 1970-01-01 for a `YYYY-MM-DD` date, counted in calendar days (no time zone involved); NaN for text that is not a date. */
export function dayNumber(date: string): number {
  return utcMidnight(date) / DAY_MS;
}

/** `YYYY-MM-DD` of the UTC day holding epoch ms `ms`; throws `RangeError` for NaN, as `Date.toISOString` does. */
function utcDate(ms: number): string {
  const t = new Date(ms);
  const year = t.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) return t.toISOString().slice(0, 10);
  const month = t.getUTCMonth() + 1;
  const day = t.getUTCDate();
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** The date `days` calendar days after `date` (negative goes back). Input must be a valid `YYYY-MM-DD`; otherwise throws `RangeError`. */
export function addDays(date: string, days: number): string {
  return utcDate(utcMidnight(date) + days * DAY_MS);
}

/** ISO weekday of `date`: 1 = Monday … 7 = Sunday (NaN for text that is not a date). */
export function isoWeekday(date: string): number {
  const d = new Date(utcMidnight(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** Last day of the month of `year`/`month` (1..12) as `YYYY-MM-DD`. */
export function lastDayOfMonth(year: number, month: number): string {
  return formatIsoDate(year, month + 1, 0);
}

/**
 * ISO 8601 week of `date`: the week-numbering year and week 1..53 (weeks start on Monday; week 1 holds the year's
 * first Thursday). Example: 2026-12-31 → `{ year: 2026, week: 53 }`, 2027-01-04 → `{ year: 2027, week: 1 }`.
 */
export function isoWeek(date: string): { year: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const dayOfYear = daysBetween(`${thursday.slice(0, 4)}-01-01`, thursday) + 1;
  return { year, week: 1 + Math.floor((dayOfYear - 1) / 7) };
}
