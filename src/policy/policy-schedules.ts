import { BUILT_IN_RULES } from '../engine/compile-rules.js';
import { parseSchedules, type ParseSchedulesResult } from '../schedule/parse-schedules.js';
import type { ScheduleSpec } from '../schedule/parse-schedule.js';
import type { Policy } from './policy.js';

/** Section names a schedule's `runs` may use besides rule ids: `exits` (the four built-in rules), `rules` (every custom rule). */
export const RUN_SECTIONS = ['exits', 'rules', 'rebalance'] as const;

/**
 * The names a schedule's `runs` may list for this policy: the sections ({@link RUN_SECTIONS}), the built-in rule
 * ids (`take_profit`, `cut_loss`, `stale`, `concentration`) and the ids of its custom rules, enabled or not.
 */
export function knownRuns(policy: Pick<Policy, 'rules'>): string[] {
  return [...RUN_SECTIONS, ...BUILT_IN_RULES, ...policy.rules.map((r) => r.id)];
}

/**
 * Parses a validated policy's `schedules` in its time zone and calendar. The policy-level `catch_up` is the default of
 * every entry that does not set its own (note: the entry's own `catch_up` wins). Pure; collects every problem (see
 * {@link parseSchedules}; error paths start with the entry index, e.g. `[1].runs[0]`).
 */
export function policySchedules(policy: Pick<Policy, 'id' | 'time_zone' | 'calendar' | 'schedules' | 'catch_up' | 'rules'>): ParseSchedulesResult {
  const specs: ScheduleSpec[] = (policy.schedules ?? []).map((spec) => {
    const entry = typeof spec === 'string' ? { when: spec } : spec;
    return entry.catch_up === undefined ? { ...entry, catch_up: policy.catch_up ?? 'latest' } : entry;
  });
  return parseSchedules(specs, {
    policyId: policy.id,
    timeZone: policy.time_zone,
    ...(policy.calendar === undefined ? {} : { calendar: policy.calendar }),
    knownRuns: knownRuns(policy),
  });
}
