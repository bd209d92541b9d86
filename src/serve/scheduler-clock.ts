/**
 * The daemon's view of time: the current instant and a wake-up call. Injected, so tests drive the daemon with a fake
 * clock and never sleep; {@link systemClock} is the real one.
 */
export interface SchedulerClock {
  /** The current instant. */
  now(): Date;
  /** Calls `fn` once, at or soon after `at` (immediately when `at` is past). Returns a function that cancels it. */
  wakeAt(at: Date, fn: () => void): () => void;
}

/** Longest single `setTimeout` the system clock sets (Node caps delays at 2^31−1 ms); longer waits re-arm. */
const MAX_DELAY_MS = 60 * 60 * 1000;

/**
 * The machine's clock. A wait is cut into steps of at most an hour and re-checked against the clock, so a suspended
 * laptop or an adjusted clock wakes the daemon within the hour, and the timer never keeps the process alive on its own
 * beyond what the daemon asked for.
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
  };
}
