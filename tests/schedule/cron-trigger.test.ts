import { describe, expect, it } from 'vitest';
import { cronTrigger } from '../../src/schedule/cron-trigger.js';
import { everyDayNy, schedule } from './fixtures.js';

describe('cronTrigger', () => {
  it('should name the task policy/schedule and run it in the policy zone', () => {
    expect(cronTrigger(schedule({ id: 'daily_guards', when: 'daily at 16:30' }))).toEqual({ name: 'shorgan/daily_guards', cron: '30 16 * * *', timeZone: 'America/New_York' });
  });

  it('should fire a named frequency daily at its wall time, leaving the day to the slot computation', () => {
    for (const when of ['weekly on thursday at 09:05', 'biweekly on friday at 09:05', 'monthly on 15 at 09:05', 'quarterly on last_trading_day at 09:05']) {
      expect(cronTrigger(schedule(when)).cron, when).toBe('5 9 * * *');
    }
    expect(cronTrigger(schedule({ every: '5 trading days at 15:10', anchor: '2026-01-05' })).cron).toBe('10 15 * * *');
  });

  it('should keep a cron schedule\'s own expression unless a roll can move its slots to another day', () => {
    expect(cronTrigger(schedule({ cron: '*/15 9-16 * * mon#1' }, everyDayNy)).cron).toBe('*/15 9-16 * * mon#1');
    expect(cronTrigger(schedule({ cron: '*/15 9-16 * * mon#1', roll: 'none' })).cron).toBe('*/15 9-16 * * mon#1');
    expect(cronTrigger(schedule({ cron: '*/15 9-16 * * mon#1' })).cron).toBe('*/15 9-16 * * *');
  });
});
