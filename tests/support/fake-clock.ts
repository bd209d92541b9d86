import { createTask, parse, type ScheduledTask } from 'node-cron';
import type { CronTrigger } from '../../src/schedule/cron-trigger.js';
import type { SchedulerClock } from '../../src/serve/scheduler-clock.js';
import { zoneOffsetMinutes } from '../../src/time/zone-offset.js';

const MINUTE_MS = 60_000;

interface FakeCronTask {
  readonly id: number;
  readonly trigger: CronTrigger;
  /** node-cron's own matcher for the trigger (a task never started). */
  readonly matcher: ScheduledTask;
  /** Local minutes-of-hour the expression names: a cheap filter before asking node-cron. */
  readonly minutes: ReadonlySet<number>;
  readonly fire: () => void;
  /** Local wall time (as UTC ms) of the last fire: node-cron only fires when wall time moves forward. */
  lastWall: number;
}

/**
 * A clock for the daemon that only moves when told to: one-off wake-ups and cron tasks fire in time order as it
 * advances. No sleeping. Cron tasks fire where node-cron would: each whole minute node-cron's own `match` accepts in
 * the task's zone, once per wall time (a fall-back overlap fires once, a spring-forward gap not at all).
 */
export class FakeClock implements SchedulerClock {
  #now: number;
  #timers: { at: number; fn: () => void; id: number }[] = [];
  #crons: FakeCronTask[] = [];
  /** Last whole minute whose cron fires have been considered. */
  #cronCursor: number;
  #nextId = 0;

  constructor(start: string | Date) {
    this.#now = new Date(start).getTime();
    this.#cronCursor = Math.floor(this.#now / MINUTE_MS) * MINUTE_MS;
  }

  now(): Date {
    return new Date(this.#now);
  }

  wakeAt(at: Date, fn: () => void): () => void {
    const id = this.#nextId++;
    this.#timers.push({ at: at.getTime(), fn, id });
    return () => {
      this.#timers = this.#timers.filter((t) => t.id !== id);
    };
  }

  cronTask(trigger: CronTrigger, fire: () => void): () => void {
    const id = this.#nextId++;
    const matcher = createTask(trigger.cron, () => undefined, { name: trigger.name, timezone: trigger.timeZone });
    void matcher.destroy();
    matcher.getNextRuns(1); // throws where starting the real task throws: no run in the next 100 years
    const minutes = new Set(parse(trigger.cron).minute);
    this.#crons.push({ id, trigger, matcher, minutes, fire, lastWall: wallMs(this.#now, trigger.timeZone) });
    return () => {
      this.#crons = this.#crons.filter((c) => c.id !== id);
    };
  }

  /** Pending one-off wake-ups, earliest first (ISO strings). */
  pending(): string[] {
    return [...this.#timers].sort((a, b) => a.at - b.at).map((t) => new Date(t.at).toISOString());
  }

  /** The cron tasks running, in start order. */
  cronTasks(): CronTrigger[] {
    return this.#crons.map((c) => c.trigger);
  }

  /**
   * Moves the clock to `target`, firing every wake-up and cron task due on the way at its own instant and awaiting
   * `settle` (e.g. `daemon.idle`) after each, so work a timer starts finishes before time moves on.
   */
  async advanceTo(target: string | Date, settle: () => Promise<void>): Promise<void> {
    const end = new Date(target).getTime();
    for (;;) {
      const timer = [...this.#timers].sort((a, b) => a.at - b.at)[0];
      const due = timer && timer.at <= end ? timer : undefined;
      const cron = this.#nextCronFire(due ? due.at : end);
      if (cron) {
        this.#now = Math.max(this.#now, cron.at);
        for (const c of cron.tasks) c.fire();
        await settle();
        continue;
      }
      if (!due) break;
      this.#timers = this.#timers.filter((t) => t.id !== due.id);
      this.#now = Math.max(this.#now, due.at);
      due.fn();
      await settle();
    }
    this.#now = Math.max(this.#now, end);
  }

  /** The first whole minute after the cursor, up to `limit`, at which cron tasks fire; moves the cursor there. */
  #nextCronFire(limit: number): { at: number; tasks: FakeCronTask[] } | undefined {
    for (let m = this.#cronCursor + MINUTE_MS; m <= limit; m += MINUTE_MS) {
      this.#cronCursor = m;
      const tasks: FakeCronTask[] = [];
      for (const c of this.#crons) {
        const wall = wallMs(m, c.trigger.timeZone);
        if (wall <= c.lastWall || !c.minutes.has(new Date(wall).getUTCMinutes()) || !c.matcher.match(new Date(m))) continue;
        c.lastWall = wall;
        tasks.push(c);
      }
      if (tasks.length > 0) return { at: m, tasks };
    }
    return undefined;
  }
}

/** The local wall time at `ms` in `timeZone`, as the UTC instant with the same digits. */
function wallMs(ms: number, timeZone: string): number {
  return ms + zoneOffsetMinutes(timeZone, ms) * MINUTE_MS;
}
