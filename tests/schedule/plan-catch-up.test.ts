import { describe, expect, it } from 'vitest';
import { planCatchUp } from '../../src/schedule/plan-catch-up.js';
import type { Schedule } from '../../src/schedule/schedule.js';
import { everyDayNy, schedule } from './fixtures.js';

const guards = schedule({ id: 'daily_guards', when: 'daily at 16:30', runs: ['take_profit', 'cut_loss'] });
const review = schedule({ id: 'weekly_review', when: 'weekly on saturday at 11:55', runs: ['all'] });

/** Drives the planner like the daemon would: a tick every `stepMin` minutes, recording every slot it runs. */
function simulate(schedules: readonly Schedule[], fromMs: number, toMs: number, stepMin = 1): { key: string; ranAt: string }[] {
  const recorded: string[] = [];
  const ran: { key: string; ranAt: string }[] = [];
  for (let t = fromMs; t <= toMs; t += stepMin * 60_000) {
    for (const slot of planCatchUp(schedules, recorded, new Date(t)).due) {
      recorded.push(slot.key);
      ran.push({ key: slot.key, ranAt: new Date(t).toISOString() });
    }
  }
  return ran;
}

describe('planCatchUp', () => {
  it('should run one slot per schedule after a three-day downtime, and none on a restart right after', () => {
    const recorded = ['shorgan/daily_guards/2026-11-19T21:30:00Z', 'shorgan/weekly_review/2026-11-14T16:55:00Z'];
    // Down from Friday 2026-11-20 09:00 to Monday 2026-11-23 18:00 New York time: missed Fri + Mon guards, Sat review.
    const now = '2026-11-23T23:00:00Z';
    const plan = planCatchUp([guards, review], recorded, now);
    expect(plan.due).toMatchObject([
      { key: 'shorgan/weekly_review/2026-11-21T16:55:00Z', runs: ['all'] },
      { key: 'shorgan/daily_guards/2026-11-23T21:30:00Z', runs: ['take_profit', 'cut_loss'] },
    ]);
    expect(plan.decisions).toMatchObject([
      { scheduleId: 'daily_guards', reason: 'caught_up', missed: 1, lastRecorded: recorded[0] },
      { scheduleId: 'weekly_review', reason: 'caught_up', missed: 0 },
    ]);

    const restart = planCatchUp([guards, review], [...recorded, ...plan.due.map((s) => s.key)], '2026-11-23T23:02:00Z');
    expect(restart.due).toEqual([]);
    expect(restart.decisions.map((d) => d.reason)).toEqual(['up_to_date', 'up_to_date']);
  });

  it('should drop missed slots with catch_up: none and still run on-time ticks', () => {
    const lazy = schedule({ id: 'daily_guards', when: 'daily at 16:30', catch_up: 'none' });
    const recorded = ['shorgan/daily_guards/2026-11-19T21:30:00Z'];
    expect(planCatchUp([lazy], recorded, '2026-11-23T23:00:00Z').decisions).toMatchObject([{ due: undefined, reason: 'missed_dropped', missed: 2 }]);
    expect(planCatchUp([lazy], recorded, '2026-11-23T21:30:30Z').decisions).toMatchObject([{ due: { at: '2026-11-23T21:30:00Z' }, reason: 'on_time', missed: 1 }]);
  });

  it('should not replay anything for a schedule that never ran, unless its slot is on time', () => {
    expect(planCatchUp([guards], [], '2026-11-23T23:00:00Z').decisions).toMatchObject([{ due: undefined, reason: 'never_run' }]);
    expect(planCatchUp([guards], [], '2026-11-23T21:30:00Z').decisions).toMatchObject([{ due: { at: '2026-11-23T21:30:00Z' }, reason: 'on_time' }]);
    expect(planCatchUp([guards], [], '2026-11-23T21:31:30Z', { graceMs: 120_000 }).due).toHaveLength(1);
  });

  it('should ignore keys of other policies and schedules and take the latest key per schedule', () => {
    const keys = ['other/daily_guards/2026-11-23T21:30:00Z', 'shorgan/daily_guards/2026-11-20T21:30:00Z', 'shorgan/daily_guards/2026-11-23T21:30:00Z'];
    expect(planCatchUp([guards], keys, '2026-11-23T23:00:00Z').decisions).toMatchObject([{ reason: 'up_to_date', lastRecorded: 'shorgan/daily_guards/2026-11-23T21:30:00Z' }]);
    expect(() => planCatchUp([guards], ['nonsense'], '2026-11-23T23:00:00Z')).toThrow(expect.objectContaining({ code: 'SCHEDULE_BAD_SLOT_KEY' }));
  });

  it('should run a spring-forward-gap slot exactly once, at 03:00 EDT, on a minute-by-minute clock', () => {
    const night = schedule({ id: 'night', when: 'daily at 02:30' }, everyDayNy);
    const ran = simulate([night], Date.parse('2026-03-08T06:00:00Z'), Date.parse('2026-03-08T10:00:00Z'));
    expect(ran).toEqual([{ key: 'crypto/night/2026-03-08T07:00:00Z', ranAt: '2026-03-08T07:00:00.000Z' }]);
  });

  it('should run a fall-back-overlap slot exactly once, at the first 01:30 (EDT), on a minute-by-minute clock', () => {
    const night = schedule({ id: 'night', when: 'daily at 01:30' }, everyDayNy);
    const ran = simulate([night], Date.parse('2026-11-01T04:00:00Z'), Date.parse('2026-11-01T08:00:00Z'));
    expect(ran).toEqual([{ key: 'crypto/night/2026-11-01T05:30:00Z', ranAt: '2026-11-01T05:30:00.000Z' }]);
  });

  it('should run the two schedules of a policy on their own slots through a week', () => {
    const ran = simulate([guards, review], Date.parse('2026-11-23T05:00:00Z'), Date.parse('2026-11-30T05:00:00Z'), 5);
    expect(ran.map((r) => r.key)).toEqual([
      'shorgan/daily_guards/2026-11-23T21:30:00Z',
      'shorgan/daily_guards/2026-11-24T21:30:00Z',
      'shorgan/daily_guards/2026-11-25T21:30:00Z',
      'shorgan/daily_guards/2026-11-27T21:30:00Z',
      'shorgan/weekly_review/2026-11-28T16:55:00Z',
    ]);
  });
});
