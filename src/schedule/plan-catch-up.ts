import { toEpochMs, type InstantInput } from './instant.js';
import { previousSlot } from './previous-slot.js';
import type { Schedule, Slot } from './schedule.js';
import { ScheduleError } from '../errors.js';
import { parseSlotKey, slotKey } from './slot-key.js';
import { slotsBetween } from './slots-between.js';

/** Options of {@link planCatchUp}. */
export interface CatchUpOptions {
  /** How late a slot may be and still count as on time, in milliseconds; default 60 000 (one minute). */
  readonly graceMs?: number;
}

/** Why a schedule has or has not got a slot to run now. */
export type CatchUpReason =
  /** The latest slot is within the grace period of `now`: a normal tick. */
  | 'on_time'
  /** Slots were missed and `catch_up: latest` runs the most recent one, once. */
  | 'caught_up'
  /** The latest slot is already recorded: nothing to do. */
  | 'up_to_date'
  /** Nothing recorded yet and the latest slot is not on time: the schedule starts at its next slot. */
  | 'never_run'
  /** Slots were missed and `catch_up: none` drops them. */
  | 'missed_dropped'
  /** The schedule has no slot before `now` (within 20 years). */
  | 'no_slot';

/** The planner's decision for one schedule. */
export interface CatchUpDecision {
  readonly policyId: string;
  readonly scheduleId: string;
  /** The slot to run now, if any (at most one per schedule). */
  readonly due: Slot | undefined;
  readonly reason: CatchUpReason;
  /** Slots after the last recorded one, up to `now`, that will not run; `undefined` when the gap exceeds 400 days
   * (not counted) or nothing was recorded. */
  readonly missed: number | undefined;
  /** The last recorded slot key of this schedule, if any. */
  readonly lastRecorded: string | undefined;
}

/** Result of {@link planCatchUp}: the slots to run now, in time order, and one decision per schedule. */
export interface CatchUpPlan {
  readonly due: readonly Slot[];
  readonly decisions: readonly CatchUpDecision[];
}

const MAX_COUNT_MS = 400 * 86_400_000;

/**
 * Decides, at `now`, which slot (if any) each schedule should run — the same pure function serves the daemon's start
 * (after downtime) and its regular ticks. `lastRecorded` is any collection of recorded slot keys (typically the last
 * one per schedule); the latest per policy and schedule is used, keys of other schedules are ignored.
 *
 * Per schedule, with `latest` = the last slot at or before `now`: already recorded → nothing; within `graceMs` of
 * `now` → run it; older and `catch_up: latest` → run it once (never replay every missed slot); older and
 * `catch_up: none` → nothing; never recorded and not on time → nothing (the schedule starts at its next slot).
 * Throws `SCHEDULE_BAD_SLOT_KEY` for malformed keys and `CALENDAR_OUT_OF_RANGE` when `now` is outside the calendar.
 */
export function planCatchUp(
  schedules: readonly Schedule[],
  lastRecorded: Iterable<string>,
  now: InstantInput,
  options: CatchUpOptions = {},
): CatchUpPlan {
  const nowMs = toEpochMs(now, 'now');
  const graceMs = options.graceMs ?? 60_000;
  const last = new Map<string, string>();
  for (const key of lastRecorded) {
    const parts = parseSlotKey(key);
    const id = slotKey(parts.policyId, parts.scheduleId, '');
    const prev = last.get(id);
    if (prev === undefined || prev < parts.at) last.set(id, parts.at);
  }
  const decisions = schedules.map((schedule): CatchUpDecision => {
    const lastAt = last.get(slotKey(schedule.policyId, schedule.id, ''));
    const lastKey = lastAt === undefined ? undefined : slotKey(schedule.policyId, schedule.id, lastAt);
    const base = { policyId: schedule.policyId, scheduleId: schedule.id, lastRecorded: lastKey };
    let latest: Slot;
    try {
      latest = previousSlot(schedule, new Date(nowMs));
    } catch (e) {
      if (e instanceof ScheduleError && e.code === 'SCHEDULE_NO_SLOT') return { ...base, due: undefined, reason: 'no_slot', missed: undefined };
      throw e;
    }
    const latestMs = Date.parse(latest.at);
    if (lastAt !== undefined && latestMs <= Date.parse(lastAt)) return { ...base, due: undefined, reason: 'up_to_date', missed: 0 };
    const onTime = nowMs - latestMs <= graceMs;
    let pending: number | undefined;
    if (lastAt !== undefined && nowMs - Date.parse(lastAt) <= MAX_COUNT_MS) pending = slotsBetween(schedule, lastAt, new Date(nowMs)).length;
    const missedIfRun = pending === undefined ? undefined : pending - 1;
    if (onTime) return { ...base, due: latest, reason: 'on_time', missed: missedIfRun };
    if (lastAt === undefined) return { ...base, due: undefined, reason: 'never_run', missed: undefined };
    if (schedule.catchUp === 'latest') return { ...base, due: latest, reason: 'caught_up', missed: missedIfRun };
    return { ...base, due: undefined, reason: 'missed_dropped', missed: pending };
  });
  const due = decisions.flatMap((d) => (d.due ? [d.due] : [])).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return { due, decisions };
}
