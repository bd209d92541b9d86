import type { SchedulerClock } from '../../src/serve/scheduler-clock.js';

/** A clock for the daemon that only moves when told to: timers fire in time order as it advances. No sleeping. */
export class FakeClock implements SchedulerClock {
  #now: number;
  #timers: { at: number; fn: () => void; id: number }[] = [];
  #nextId = 0;

  constructor(start: string | Date) {
    this.#now = new Date(start).getTime();
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

  /** Pending wake-ups, earliest first (ISO strings). */
  pending(): string[] {
    return [...this.#timers].sort((a, b) => a.at - b.at).map((t) => new Date(t.at).toISOString());
  }

  /**
   * Moves the clock to `target`, firing every timer due on the way at its own instant and awaiting `settle` (e.g.
   * `daemon.idle`) after each, so work a timer starts finishes before time moves on.
   */
  async advanceTo(target: string | Date, settle: () => Promise<void>): Promise<void> {
    const end = new Date(target).getTime();
    for (;;) {
      const due = [...this.#timers].sort((a, b) => a.at - b.at)[0];
      if (!due || due.at > end) break;
      this.#timers = this.#timers.filter((t) => t.id !== due.id);
      this.#now = Math.max(this.#now, due.at);
      due.fn();
      await settle();
    }
    this.#now = Math.max(this.#now, end);
  }
}
