import { getTasks } from 'node-cron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src/serve/scheduler-clock.js';

const guards = { name: 'shorgan-bot/daily_guards', cron: '30 16 * * *', timeZone: 'America/New_York' };
const taskNames = (): (string | undefined)[] => [...getTasks().values()].map((t) => t.name);

/** The real clock of `ballast serve`, driven by vitest's fake timers: node-cron's own timer runs, no real time passes. */
describe('systemClock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('should run a named node-cron task at its wall time in its zone until it is stopped', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T17:00:00Z'), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const fired: string[] = [];
    const stop = systemClock().cronTask(guards, () => fired.push(new Date().toISOString()));
    expect(taskNames()).toContain('shorgan-bot/daily_guards');
    await vi.advanceTimersByTimeAsync(2 * 86_400_000);
    expect(fired).toEqual(['2026-11-23T21:30:00.000Z', '2026-11-24T21:30:00.000Z']);
    stop();
    expect(taskNames()).not.toContain('shorgan-bot/daily_guards');
    await vi.advanceTimersByTimeAsync(2 * 86_400_000);
    expect(fired).toHaveLength(2);
  });

  it('should fire when a wall time was missed (a suspended machine), so the daemon can catch up', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T21:00:00Z'), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const fired: string[] = [];
    const stop = systemClock().cronTask(guards, () => fired.push(new Date().toISOString()));
    vi.setSystemTime(new Date('2026-11-23T23:00:00Z')); // asleep from 16:00 to 18:00 New York: no timer ran at 16:30
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(fired).toEqual(['2026-11-23T23:30:00.000Z']);
    stop();
  });
});
