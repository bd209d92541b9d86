import { describe, expect, it } from 'vitest';
import { deriveScheduleId, parseSchedule } from '../../src/schedule/parse-schedule.js';
import { everyDayNy, nyse, schedule } from './fixtures.js';

describe('parseSchedule', () => {
  it('should parse the named frequencies into typed patterns', () => {
    expect(schedule('daily at 16:30').pattern).toEqual({ kind: 'daily', at: { hour: 16, minute: 30 } });
    expect(schedule('Weekly on Saturday at 11:55').pattern).toEqual({ kind: 'weekly', weekday: 6, at: { hour: 11, minute: 55 } });
    expect(schedule('biweekly on fri at 15:10').pattern).toMatchObject({ kind: 'biweekly', weekday: 5, anchor: undefined });
    expect(schedule('monthly on last_trading_day at 15:10').pattern).toMatchObject({ kind: 'monthly', day: 'last_trading_day' });
    expect(schedule('monthly on 15 at 15:10').pattern).toMatchObject({ kind: 'monthly', day: 15 });
    expect(schedule('quarterly at 15:10').pattern).toMatchObject({ kind: 'quarterly', day: 'last_trading_day' });
    expect(schedule({ when: 'every 5 trading days at 15:10', anchor: '2026-01-05' }).pattern).toMatchObject({ kind: 'every_trading_days', sessions: 5 });
    expect(schedule({ every: '14 days', at: '15:10', anchor: '2026-01-02' }).pattern).toMatchObject({ kind: 'every_days', days: 14, at: { hour: 15, minute: 10 } });
    expect(schedule({ id: 'closes', cron: '30 16 * * 1-5' }).pattern).toMatchObject({ kind: 'cron' });
    expect(schedule('30 16 * * 1-5').pattern).toMatchObject({ kind: 'cron' });
  });

  it('should apply the defaults: derived id, runs [all], roll next, catch_up latest', () => {
    expect(schedule('daily at 16:30')).toMatchObject({ id: 'daily_at_16_30', runs: ['all'], roll: 'next', catchUp: 'latest', policyId: 'shorgan', timeZone: 'America/New_York' });
    expect(deriveScheduleId('30 16 * * 1-5')).toBe('30_16_any_any_1_5');
  });

  it('should keep a weekend-only schedule on its weekend day (roll none) and refuse a roll that would always move it', () => {
    expect(schedule('weekly on saturday at 11:55').roll).toBe('none');
    expect(schedule({ cron: '55 11 * * sat' }).roll).toBe('none');
    expect(schedule('weekly on saturday at 11:55', everyDayNy).roll).toBe('next');
    expect(() => schedule({ when: 'weekly on saturday at 11:55', roll: 'next' })).toThrow(expect.objectContaining({ code: 'SCHEDULE_ROLL_ALWAYS_MOVES', path: 'roll' }));
  });

  it('should say what to write for each mistake', () => {
    const cases: [unknown, string, string][] = [
      ['hourly at 10:00', 'SCHEDULE_UNKNOWN_FORM', 'when'],
      ['quarterly', 'SCHEDULE_TIME_REQUIRED', 'when'],
      ['daily at 4:30pm', 'SCHEDULE_BAD_TIME', 'when'],
      ['daily at 24:00', 'SCHEDULE_BAD_TIME', 'when'],
      ['weekly on funday at 10:00', 'SCHEDULE_BAD_WEEKDAY', 'when'],
      ['monthly on 32 at 10:00', 'SCHEDULE_BAD_DAY', 'when'],
      ['every 14 days at 15:10', 'SCHEDULE_ANCHOR_REQUIRED', 'anchor'],
      [{ when: 'every 0 days at 15:10', anchor: '2026-01-02' }, 'SCHEDULE_BAD_INTERVAL', 'when'],
      [{ when: 'every 5 trading days at 15:10', anchor: '2026-01-03' }, 'SCHEDULE_BAD_ANCHOR', 'anchor'],
      [{ when: 'daily at 16:30', anchor: '2026-01-05' }, 'SCHEDULE_CONFLICTING_KEYS', 'anchor'],
      [{ when: 'daily at 16:30', anchor: '5 Jan' }, 'SCHEDULE_BAD_ANCHOR', 'anchor'],
      [{ when: 'daily at 16:30', cron: '30 16 * * *' }, 'SCHEDULE_CONFLICTING_KEYS', 'cron'],
      [{ when: 'daily at 16:30', at: '16:30' }, 'SCHEDULE_CONFLICTING_KEYS', 'at'],
      [{ runs: ['all'] }, 'SCHEDULE_BAD_SPEC', ''],
      [{ when: 'daily at 16:30', timezone: 'UTC' }, 'SCHEDULE_UNKNOWN_KEY', 'timezone'],
      [{ when: 'daily at 16:30', id: 'Daily Guards' }, 'SCHEDULE_BAD_ID', 'id'],
      [{ when: 'daily at 16:30', runs: [] }, 'SCHEDULE_BAD_RUNS', 'runs'],
      [{ when: 'daily at 16:30', runs: ['all', 'take_profit'] }, 'SCHEDULE_BAD_RUNS', 'runs[0]'],
      [{ when: 'daily at 16:30', runs: ['take_profit', 'take_profit'] }, 'SCHEDULE_BAD_RUNS', 'runs[1]'],
      [{ when: 'daily at 16:30', roll: 'forward' }, 'SCHEDULE_BAD_ROLL', 'roll'],
      [{ when: 'daily at 16:30', catch_up: 'all' }, 'SCHEDULE_BAD_CATCH_UP', 'catch_up'],
      [{ cron: '0 12 1 * 1' }, 'SCHEDULE_CRON_DOM_AND_DOW', 'cron'],
      [{ cron: 'daily at 16:30' }, 'SCHEDULE_BAD_CRON', 'cron'],
    ];
    for (const [spec, code, path] of cases) {
      expect(() => schedule(spec as never), JSON.stringify(spec)).toThrow(expect.objectContaining({ code, path }));
    }
  });

  it('should check runs against the policy sections when given', () => {
    const ctx = { ...nyse, knownRuns: ['take_profit', 'cut_loss'] };
    expect(parseSchedule({ when: 'daily at 16:30', runs: ['take_profit', 'cut_loss'] }, ctx).runs).toEqual(['take_profit', 'cut_loss']);
    expect(() => parseSchedule({ when: 'daily at 16:30', runs: ['stale'] }, ctx)).toThrow(expect.objectContaining({ code: 'SCHEDULE_UNKNOWN_RUN', path: 'runs[0]' }));
  });

  it('should validate the policy time zone and calendar', () => {
    expect(() => parseSchedule('daily at 16:30', { ...nyse, timeZone: 'America/NewYork' })).toThrow(expect.objectContaining({ code: 'SCHEDULE_BAD_ZONE' }));
    expect(() => parseSchedule('daily at 16:30', { ...nyse, calendar: 'NYSE' })).toThrow(expect.objectContaining({ code: 'SCHEDULE_BAD_CALENDAR' }));
    expect(parseSchedule('daily at 16:30', { policyId: 'in', timeZone: 'Asia/Calcutta', calendar: 'XNSE' }).timeZone).toBe('Asia/Calcutta');
  });
});
