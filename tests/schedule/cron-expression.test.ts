import { describe, expect, it } from 'vitest';
import { parseCronExpression } from '../../src/schedule/cron-expression.js';

describe('parseCronExpression', () => {
  it('should expand lists, ranges, steps and names', () => {
    const c = parseCronExpression('*/15 9-16 * jan,jul mon-fri');
    expect([...c.minutes]).toEqual([0, 15, 30, 45]);
    expect([...c.hours]).toEqual([9, 10, 11, 12, 13, 14, 15, 16]);
    expect([...c.months]).toEqual([1, 7]);
    expect([...c.weekdays]).toEqual([1, 2, 3, 4, 5]);
    expect(c).toMatchObject({ dayOfMonthRestricted: false, weekdayRestricted: true });
  });

  it('should map day-of-week 0 and 7 to ISO Sunday (7)', () => {
    expect([...parseCronExpression('0 12 * * 0').weekdays]).toEqual([7]);
    expect([...parseCronExpression('0 12 * * 7').weekdays]).toEqual([7]);
  });

  it('should reject malformed expressions with SCHEDULE_BAD_CRON', () => {
    for (const bad of ['30 16 * *', '0 30 16 * * 1-5', '60 16 * * *', '30 24 * * *', '30 16 * * 8', '5-1 * * * *', '*/0 * * * *', '@daily', '0 0 L * *']) {
      expect(() => parseCronExpression(bad), bad).toThrow(expect.objectContaining({ code: 'SCHEDULE_BAD_CRON', path: 'cron' }));
    }
  });

  it('should refuse both day fields restricted with SCHEDULE_CRON_DOM_AND_DOW', () => {
    expect(() => parseCronExpression('0 12 1 * 1')).toThrow(expect.objectContaining({ code: 'SCHEDULE_CRON_DOM_AND_DOW' }));
  });
});
