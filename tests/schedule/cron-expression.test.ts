import { getTasks } from 'node-cron';
import { describe, expect, it } from 'vitest';
import { parseCronExpression } from '../../src/schedule/cron-expression.js';

/** The dates of `month` (`YYYY-MM`) that `matches` accepts. */
function datesIn(month: string, matches: (date: string) => boolean): string[] {
  const out: string[] = [];
  for (let ms = Date.parse(`${month}-01T00:00:00Z`); new Date(ms).toISOString().startsWith(month); ms += 86_400_000) {
    const date = new Date(ms).toISOString().slice(0, 10);
    if (matches(date)) out.push(date);
  }
  return out;
}

describe('parseCronExpression', () => {
  it('should expand lists, ranges, steps and names with node-cron, and match dates with node-cron', () => {
    const c = parseCronExpression('*/15 9-16 * jan,jul mon-fri');
    expect(c.minutes).toEqual([0, 15, 30, 45]);
    expect(c.hours).toEqual([9, 10, 11, 12, 13, 14, 15, 16]);
    expect(c.weekdays).toEqual([1, 2, 3, 4, 5]);
    expect(c).toMatchObject({ dayOfMonthRestricted: false, weekdayRestricted: true, fields: ['*/15', '9-16', '*', 'jan,jul', 'mon-fri'] });
    expect(c.matchesDate('2026-07-03')).toBe(true); // a Friday in July
    expect(c.matchesDate('2026-07-04')).toBe(false); // Saturday
    expect(c.matchesDate('2026-08-03')).toBe(false); // August
  });

  it('should map day-of-week 0 and 7 to ISO Sunday (7)', () => {
    expect(parseCronExpression('0 12 * * 0').weekdays).toEqual([7]);
    expect(parseCronExpression('0 12 * * 7').weekdays).toEqual([7]);
    expect(parseCronExpression('0 12 * * 7').matchesDate('2026-03-08')).toBe(true);
  });

  it('should take node-cron\'s day forms: last day, last weekday, nth and last weekday of the month, nearest weekday', () => {
    expect(datesIn('2026-02', parseCronExpression('0 9 L * *').matchesDate)).toEqual(['2026-02-28']);
    expect(datesIn('2026-05', parseCronExpression('0 9 LW * *').matchesDate)).toEqual(['2026-05-29']); // the 31st is a Sunday
    expect(datesIn('2026-06', parseCronExpression('0 9 * * mon#1').matchesDate)).toEqual(['2026-06-01']);
    expect(datesIn('2026-07', parseCronExpression('0 9 * * 5L').matchesDate)).toEqual(['2026-07-31']);
    expect(datesIn('2026-08', parseCronExpression('0 9 15W * *').matchesDate)).toEqual(['2026-08-14']); // the 15th is a Saturday
    expect(parseCronExpression('0 9 * * 6#1').weekdays).toEqual([6]);
    expect(parseCronExpression('0 22-2 * * fri-mon')).toMatchObject({ hours: [0, 1, 2, 22, 23], weekdays: [1, 5, 6, 7] }); // inverted ranges wrap
  });

  it('should leave nothing in node-cron\'s task registry', () => {
    const before = getTasks().size;
    parseCronExpression('30 16 * * 1-5').matchesDate('2026-03-09');
    expect(getTasks().size).toBe(before);
  });

  it('should reject malformed expressions with SCHEDULE_BAD_CRON, saying which field is wrong and what it takes', () => {
    for (const [bad, problem, action] of [
      ['30 16 * *', /expected 5 fields, found 4/, /five fields/],
      ['0 30 16 * * 1-5', /six fields/, /"30 16 \* \* 1-5"/],
      ['@daily', /expected 5 fields, found 1/, /when: "daily at 00:00"/],
      ['60 16 * * *', /minute "60" is not valid/, /minute: 0–59/],
      ['30 24 * * *', /hour "24" is not valid/, /hour: 0–23/],
      ['30 16 * * 8', /day of week "8" is not valid/, /mon#1 for the first Monday/],
      ['*/0 * * * *', /minute "\*\/0"/, /step/],
      ['30 16 * 13 *', /month "13"/, /jan–dec/],
      ['30 16 * * 1.5', /characters cron does not use/, /digits, names/],
      ['0 0 30 2 *', /day 30 never occurs/, /L for the last day/],
    ] as const) {
      let error: unknown;
      try {
        parseCronExpression(bad);
      } catch (e) {
        error = e;
      }
      expect(error, bad).toMatchObject({ code: 'SCHEDULE_BAD_CRON', path: 'cron', problem: expect.stringMatching(problem), action: expect.stringMatching(action) });
    }
  });

  it('should refuse both day fields restricted with SCHEDULE_CRON_DOM_AND_DOW, pointing at the # and L forms', () => {
    expect(() => parseCronExpression('0 12 1 * 1')).toThrow(expect.objectContaining({ code: 'SCHEDULE_CRON_DOM_AND_DOW', action: expect.stringContaining('mon#1') }));
    expect(parseCronExpression('0 12 ? * 1')).toMatchObject({ dayOfMonthRestricted: false, weekdayRestricted: true });
  });
});
