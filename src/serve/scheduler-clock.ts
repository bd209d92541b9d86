import { schedule, type Logger } from 'node-cron';
import type { CronTrigger } from '../schedule/cron-trigger.js';

/**
 * The daemon's view of time: the current instant, one-off wake-ups and recurring cron tasks. Injected, so tests drive
 * the daemon with a fake clock and never sleep; {@link systemClock} is the real one.
 */
export interface SchedulerClock {
  /** The current instant. */
  now(): Date;
  /** Calls `fn` once, at or soon after `at` (immediately when `at` is past). Returns a function that cancels it. */
  wakeAt(at: Date, fn: () => void): () => void;
  /**
   * Starts a recurring task named `trigger.name`: calls `fire` at every wall time `trigger.cron` names in
   * `trigger.timeZone`, as node-cron 4 runs it (a wall time inside a spring-forward gap has no fire that day; one in a
   * fall-back overlap fires once, at the first), and also when a fire was missed (process suspended, event loop
   * blocked), so the caller can catch up. Returns a function that stops the task for good.
   */
  cronTask(trigger: CronTrigger, fire: () => void): () => void;
}

/** Longest single `setTimeout` the system clock sets (Node caps delays at 2^31−1 ms); longer waits re-arm. */
const MAX_DELAY_MS = 60 * 60 * 1000;

/** node-cron's warnings and errors as one line on standard error, without its colours; info and debug dropped. */
const cronLogger: Logger = {
  info: () => undefined,
  debug: () => undefined,
  warn: (message) => void process.stderr.write(`node-cron: ${message}\n`),
  error: (message) => void process.stderr.write(`node-cron: ${message instanceof Error ? message.message : message}\n`),
};

/**
 * The machine's clock. A wake-up is cut into steps of at most an hour and re-checked against the clock, so a
 * suspended laptop or an adjusted clock wakes the daemon within the hour, and the timer never keeps the process alive
 * on its own beyond what the daemon asked for. Cron tasks are node-cron tasks (`schedule(cron, fire, { name,
 * timezone })`), which keep the process alive while they run.
 */
export function systemClock(): SchedulerClock {
  return {
    now: () => new Date(),
    wakeAt(at, fn) {
      let handle: NodeJS.Timeout | undefined;
      let cancelled = false;
      const arm = (): void => {
        if (cancelled) return;
        const wait = at.getTime() - Date.now();
        if (wait <= 0) {
          fn();
          return;
        }
        handle = setTimeout(arm, Math.min(wait, MAX_DELAY_MS));
      };
      arm();
      return () => {
        cancelled = true;
        if (handle !== undefined) clearTimeout(handle);
      };
    },
    cronTask(trigger, fire) {
      const task = schedule(trigger.cron, () => fire(), { name: trigger.name, timezone: trigger.timeZone, logger: cronLogger });
      task.on('execution:missed', () => fire());
      return () => void task.destroy();
    },
  };
}
