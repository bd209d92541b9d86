import { rulesForRuns } from '../engine/rules-for-runs.js';
import type { Policy } from '../policy/policy.js';
import { policySchedules } from '../policy/policy-schedules.js';
import { slotsBetween } from '../schedule/slots-between.js';
import type { ReplayWindow } from './replay-window.js';

/** One evaluation of a replay: the session whose prices it sees, its clock, the schedules behind it, the rules it runs. */
export interface ReplayDecision {
  /** Index of the session whose close is the last one known at `at`. */
  readonly session: number;
  readonly at: Date;
  /** Schedule ids that fire at `at` (empty for a policy without schedules). */
  readonly scheduleIds: readonly string[];
  /** Rule ids to evaluate (`evaluate`'s `only`); undefined: every rule. */
  readonly only: readonly string[] | undefined;
}

const DAY_MS = 86_400_000;

/**
 * When a replay evaluates, session by session, in time order. The policy's schedules decide, rolled onto sessions as
 * in live runs (`slotsBetween`; a policy without `calendar` rolls on the price file's dates); each slot sees the last
 * close at or before it (a 15:10 slot the previous session, a 16:30 slot that day's, a Saturday slot Friday's). On the
 * first session every schedule that has no slot there runs once at its close, so a start from cash invests. A policy
 * without schedules evaluates every session at its close, with every rule. Schedules firing at the same instant are one
 * evaluation running the union of their `runs`. Nothing is decided on the last session, which is only marked to
 * market: its decisions could not fill at a next close and would change nothing but costs at its own (bt's `RunMonthly`
 * never runs on the last date either).
 */
export function replayDecisions(policy: Policy, window: ReplayWindow): ReplayDecision[][] {
  const { closeMs } = window;
  const sessions = closeMs.length;
  const bySession: ReplayDecision[][] = Array.from({ length: sessions }, () => []);
  const parsed = policySchedules(policy);
  const schedules = parsed.ok ? parsed.schedules.map((s) => (s.calendar === undefined ? { ...s, calendar: window.calendar } : s)) : [];
  if (schedules.length === 0) {
    for (let i = 0; i < sessions - 1; i++) bySession[i]!.push({ session: i, at: new Date(closeMs[i]!), scheduleIds: [], only: undefined });
    return bySession;
  }
  const fired = new Map<number, { session: number; ms: number; ids: string[]; runs: Set<string> }>();
  const fire = (session: number, ms: number, id: string, runs: readonly string[]): void => {
    let entry = fired.get(ms);
    if (!entry) {
      entry = { session, ms, ids: [], runs: new Set() };
      fired.set(ms, entry);
    }
    if (!entry.ids.includes(id)) entry.ids.push(id);
    for (const run of runs) entry.runs.add(run);
  };
  for (const schedule of schedules) {
    let firstSessionSeen = false;
    for (const slot of slotsBetween(schedule, new Date(closeMs[0]! - 1), new Date(closeMs[sessions - 1]! + DAY_MS - 1))) {
      const ms = Date.parse(slot.at);
      const session = lastCloseAtOrBefore(closeMs, ms);
      if (session < 0 || session === sessions - 1) continue;
      firstSessionSeen ||= session === 0;
      fire(session, ms, schedule.id, schedule.runs);
    }
    if (!firstSessionSeen && sessions > 1) fire(0, closeMs[0]!, schedule.id, schedule.runs);
  }
  for (const entry of [...fired.values()].sort((a, b) => a.ms - b.ms)) {
    const runs = [...entry.runs];
    bySession[entry.session]!.push({ session: entry.session, at: new Date(entry.ms), scheduleIds: entry.ids, only: rulesForRuns(policy, runs) });
  }
  return bySession;
}

/** Index of the last close at or before `ms`, or −1. Binary search. */
function lastCloseAtOrBefore(closeMs: Float64Array, ms: number): number {
  let lo = 0;
  let hi = closeMs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (closeMs[mid]! <= ms) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
