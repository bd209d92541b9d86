import { createTask, schedule as cronSchedule, type ScheduledTask } from 'node-cron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { planCatchUp } from '../../src/schedule/plan-catch-up.js';
import { slotsBetween } from '../../src/schedule/slots-between.js';
import { everyDayNy, nyse, schedule } from './fixtures.js';

/** A node-cron task that is never started, for its `match` and `getNextRuns` (removed from node-cron's registry). */
function matcher(expression: string, timezone = 'America/New_York'): ScheduledTask {
  const task = createTask(expression, () => undefined, { timezone });
  void task.destroy();
  return task;
}

/** node-cron's next `count` runs after `now` (it reads the clock, so the clock is set). */
function nextRuns(task: ScheduledTask, now: string, count: number): string[] {
  vi.useFakeTimers({ now: new Date(now), toFake: ['Date'] });
  return task.getNextRuns(count).map((d) => d.toISOString());
}

/** Where Ballast keeps its own slot computation instead of node-cron's, and the node-cron behaviour that decides it. */
describe('node-cron 4.6 behaviour that Ballast does not rely on', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('should skip a wall time in the spring-forward gap, where Ballast runs it once at the end of the gap (DST-gap rule)', () => {
    expect(nextRuns(matcher('30 2 * * *'), '2026-03-07T12:00:00Z', 2)).toEqual([
      '2026-03-09T06:30:00.000Z', // 02:30 EDT on the 9th: the 8th has no run at all
      '2026-03-10T06:30:00.000Z',
    ]);
    expect(slotsBetween(schedule('daily at 02:30', everyDayNy), '2026-03-07T12:00:00Z', '2026-03-09T12:00:00Z')).toMatchObject([
      { at: '2026-03-08T07:00:00Z', localTime: '2026-03-08T03:00:00-04:00', dst: 'gap' },
      { at: '2026-03-09T06:30:00Z', dst: undefined },
    ]);
  });

  it('should run a fall-back overlap time once, at its first occurrence, as Ballast does', () => {
    expect(nextRuns(matcher('30 1 * * *'), '2026-10-31T12:00:00Z', 2)).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z']);
    expect(slotsBetween(schedule('daily at 01:30', everyDayNy), '2026-10-31T12:00:00Z', '2026-11-01T12:00:00Z')).toMatchObject([
      { at: '2026-11-01T05:30:00Z', dst: 'overlap' },
    ]);
  });

  it('should only look forward: a task started after its time does not run it, where Ballast catches up from the slot ledger', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T21:35:00Z'), toFake: ['Date', 'setTimeout', 'clearTimeout'] }); // 16:35 New York
    const fired: string[] = [];
    const task = cronSchedule('30 16 * * *', (ctx) => void fired.push(ctx.date.toISOString()), { timezone: 'America/New_York' });
    await vi.advanceTimersByTimeAsync(24 * 60 * 60_000);
    await task.destroy();
    expect(fired).toEqual(['2026-11-24T21:30:00.000Z']); // the next day's; nothing for the 16:30 run it was started after
    const guards = schedule({ id: 'daily_guards', when: 'daily at 16:30' });
    const plan = planCatchUp([guards], ['shorgan/daily_guards/2026-11-20T21:30:00Z'], '2026-11-23T21:35:00Z');
    expect(plan.decisions).toMatchObject([{ reason: 'caught_up', due: { at: '2026-11-23T21:30:00Z' } }]);
  });

  it('should know no holidays: its "first weekday" is New Year\'s Day, where Ballast rolls to the first NYSE session', () => {
    expect(matcher('0 9 1W * *').match(new Date('2026-01-01T14:00:00Z'))).toBe(true);
    expect(slotsBetween(schedule('monthly on first_trading_day at 09:00', nyse), '2025-12-31T00:00:00Z', '2026-01-31T00:00:00Z')).toMatchObject([
      { date: '2026-01-02' },
    ]);
    const rolled = slotsBetween(schedule({ cron: '0 9 1 * *', roll: 'next' }, nyse), '2025-12-31T00:00:00Z', '2026-01-31T00:00:00Z');
    expect(rolled).toMatchObject([{ date: '2026-01-02', rolledFrom: '2026-01-01' }]);
  });

  it('should have no week parity: a day-of-week step counts days, where Ballast\'s biweekly counts weeks', () => {
    const everyOther = matcher('0 15 * * */2');
    const days = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04'].filter((d) => everyOther.match(new Date(`${d}T20:00:00Z`)));
    expect(days).toEqual(['2026-03-01', '2026-03-03']); // Sunday and Tuesday, not every other week
    const biweekly = slotsBetween(schedule('biweekly on friday at 15:10', everyDayNy), '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z');
    expect(biweekly.map((s) => s.date)).toEqual(['2026-03-06', '2026-03-20']);
  });

  it('should require both day fields to match, unlike classic cron, which is why Ballast refuses both restricted', () => {
    const firstOrMonday = matcher('0 9 1 * 1');
    const at9 = (date: string): boolean => firstOrMonday.match(new Date(`${date}T13:00:00Z`));
    expect([at9('2026-06-01'), at9('2026-06-08'), at9('2026-07-01')]).toEqual([true, false, false]); // classic cron: all three
    expect(() => schedule({ cron: '0 9 1 * 1' }, nyse)).toThrow(expect.objectContaining({ code: 'SCHEDULE_CRON_DOM_AND_DOW' }));
  });
});
