import { IANAZone } from 'luxon';
import type { CrossFieldProblem } from './cross-field-checks.js';
import type { Policy } from './policy.js';
import { policySchedules } from './policy-schedules.js';

/**
 * The cross-field check of `schedules`: parses every entry in the policy's `time_zone` and `calendar` (see
 * `policySchedules`) and turns each `ScheduleError` into a problem at the offending key, keeping the schedule
 * parser's code (`SCHEDULE_BAD_WEEKDAY`, `SCHEDULE_UNKNOWN_RUN`, …) and message. Skipped when the time zone is
 * invalid (that check reports it once).
 */
export function scheduleProblems(policy: Policy): CrossFieldProblem[] {
  if (!IANAZone.isValidZone(policy.time_zone) || policy.schedules.length === 0) return [];
  const parsed = policySchedules(policy);
  if (parsed.ok) return [];
  return parsed.errors.map((error) => ({
    code: error.code,
    path: schedulePath(error.path, policy),
    target: 'value',
    message: error.message,
  }));
}

/**
 * `[1].runs[0]` → `['schedules', 1, 'runs', 0]`; policy-level keys (`calendar`, `time_zone`) map to themselves; an
 * entry written as a plain text is the `when` itself, so `[0].when` → `['schedules', 0]`.
 */
function schedulePath(path: string, policy: Policy): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const m of path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) segments.push(m[1] !== undefined ? Number(m[1]) : m[2]!);
  const key = segments[1];
  if (key === 'calendar' || key === 'time_zone') return [key];
  const index = segments[0];
  if (typeof index === 'number' && typeof policy.schedules[index] === 'string') return ['schedules', index];
  return ['schedules', ...segments];
}
