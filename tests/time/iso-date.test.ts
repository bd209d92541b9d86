import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isoWeekday } from '../../src/time/iso-date.js';

/** What `Date` gives for the same arithmetic: the definition the digit-by-digit helpers must match. */
const viaDate = {
  addDays: (date: string, days: number): string => {
    const t = new Date(`${date}T00:00:00Z`);
    t.setUTCDate(t.getUTCDate() + days);
    return t.toISOString().slice(0, 10);
  },
  isoWeekday: (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay() || 7,
};

describe('iso-date', () => {
  it('should add days, name weekdays and count days as Date does, across leap years and centuries', () => {
    const misses: string[] = [];
    for (let date = '1899-12-25'; date < '2101-01-10'; date = viaDate.addDays(date, 3)) {
      for (const days of [-400, -1, 0, 1, 29, 366]) if (addDays(date, days) !== viaDate.addDays(date, days)) misses.push(`${date} ${days}`);
      if (isoWeekday(date) !== viaDate.isoWeekday(date)) misses.push(`${date} weekday`);
      if (daysBetween('2000-02-29', date) !== Math.round((Date.parse(date) - Date.parse('2000-02-29')) / 86_400_000)) misses.push(`${date} between`);
    }
    expect(misses).toEqual([]);
  });

  it('should roll a day past the month end and keep years before 100 as written, as Date parses them', () => {
    expect(addDays('2026-02-30', 0)).toBe('2026-03-02');
    expect(addDays('0050-12-31', 1)).toBe('0051-01-01');
    expect(isoWeekday('2026-11-30')).toBe(1);
  });

  it('should throw for text that is not a date, as before', () => {
    for (const bad of ['2026-13-01', '2026-02-32', '2026-1-01', 'someday']) expect(() => addDays(bad, 1)).toThrow(RangeError);
    expect(isoWeekday('2026-00-10')).toBeNaN();
  });
});
