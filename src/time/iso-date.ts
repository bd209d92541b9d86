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

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The date `days` calendar days after `date` (negative goes back). Input must be a valid `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const t = toUtc(date);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** ISO weekday of `date`: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = toUtc(date).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
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
