import { nextSlot } from '../schedule/next-slot.js';
import { previousSlot } from '../schedule/previous-slot.js';
import type { Slot } from '../schedule/schedule.js';
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
  /** The latest slot at or before `now` by the calendar, recorded or not. */
  readonly previousSlot: Slot | undefined;
  /** The first slot after `now`. */
  readonly nextSlot: Slot | undefined;
}

/**
 * Last and next run of every schedule of every policy in force, at `now` (pure apart from reading the store).
 * A schedule without a slot in the calendar range gets `undefined` slots instead of an error.
 */
export function scheduleOverview(policies: readonly ActivePolicy[], store: Store | undefined, now: Date): ScheduleRow[] {
  const slots = store?.listSlots() ?? [];
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
