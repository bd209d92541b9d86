import { nextSlot } from '../schedule/next-slot.js';
import { previousSlot } from '../schedule/previous-slot.js';
import type { Slot } from '../schedule/schedule.js';
import type { RunInitiator } from '../store/run-record.js';
import type { SlotRecord } from '../store/slot-record.js';
import type { Store } from '../store/store.js';
import type { ActivePolicy } from './policy-registry.js';

/** One schedule of one policy as `ballast next` and Telegram's /next show it. */
export interface ScheduleRow {
  readonly policyId: string;
  readonly policyName: string;
  readonly file: string;
  readonly revision: string;
  readonly scheduleId: string;
  /** The schedule as written, e.g. `daily at 16:30`. */
  readonly text: string;
  readonly runs: readonly string[];
  /** The policy's IANA zone. */
  readonly timeZone: string;
  /** The latest recorded slot of the schedule (any state), if any. */
  readonly lastRun: SlotRecord | undefined;
  /**
   * The latest run of the policy made outside its schedules (`ballast run`, `ballast evaluate`), if any: it evaluated
   * every rule, so it is also a run of this schedule. `at` is when it was recorded (ISO 8601 UTC).
   */
  readonly lastOtherRun: { readonly runId: string; readonly at: string; readonly initiator: RunInitiator } | undefined;
  /** The latest slot at or before `now` by the calendar, recorded or not. */
  readonly previousSlot: Slot | undefined;
  /** The first slot after `now`. */
  readonly nextSlot: Slot | undefined;
}

/**
 * Last and next run of every schedule of every policy in force, at `now` (pure apart from reading the store): the
 * schedule's slots, and the policy's runs made by `ballast run` or `ballast evaluate`.
 * A schedule without a slot in the calendar range gets `undefined` slots instead of an error.
 */
export async function scheduleOverview(policies: readonly ActivePolicy[], store: Store | undefined, now: Date): Promise<ScheduleRow[]> {
  const slots = store?.listSlots() ?? [];
  const otherRuns = new Map<string, ScheduleRow['lastOtherRun']>();
  for (const run of (await store?.runSummaries()) ?? []) {
    if (run.initiator !== 'schedule') otherRuns.set(run.policy.policyId, { runId: run.id, at: run.recordedAt ?? run.evaluatedAt, initiator: run.initiator });
  }
  return policies.flatMap((active) => active.schedules.map((schedule): ScheduleRow => {
    const mine = slots.filter((s) => s.policyId === schedule.policyId && s.scheduleId === schedule.id);
    return {
      policyId: active.policy.id,
      policyName: active.policy.name,
      file: active.loaded.file,
      revision: active.loaded.revision.revision,
      scheduleId: schedule.id,
      text: schedule.text,
      runs: schedule.runs,
      timeZone: schedule.timeZone,
      lastRun: mine[mine.length - 1],
      lastOtherRun: otherRuns.get(active.policy.id),
      previousSlot: attempt(() => previousSlot(schedule, now)),
      nextSlot: attempt(() => nextSlot(schedule, now)),
    };
  }));
}

function attempt(get: () => Slot): Slot | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}
