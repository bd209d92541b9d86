import { parseSchedule, type ScheduleContext, type ScheduleSpec } from './parse-schedule.js';
import type { Schedule } from './schedule.js';
import { ScheduleError } from '../errors.js';

/** Result of {@link parseSchedules}: all schedules, or every problem found (each error's `path` starts `[index].`). */
export type ParseSchedulesResult =
  | { readonly ok: true; readonly schedules: readonly Schedule[] }
  | { readonly ok: false; readonly errors: readonly ScheduleError[] };

/**
 * Parses all schedule entries of one policy, collecting every error instead of stopping at the first, and checks that
 * schedule ids are unique within the policy (`SCHEDULE_DUPLICATE_ID`). Errors from {@link parseSchedule} come back
 * with their `path` prefixed by the entry index, e.g. `[1].runs[0]`.
 */
export function parseSchedules(specs: readonly ScheduleSpec[], context: ScheduleContext): ParseSchedulesResult {
  const schedules: Schedule[] = [];
  const errors: ScheduleError[] = [];
  const seen = new Map<string, number>();
  specs.forEach((spec, i) => {
    try {
      const s = parseSchedule(spec, context);
      const first = seen.get(s.id);
      if (first !== undefined) {
        errors.push(new ScheduleError('SCHEDULE_DUPLICATE_ID', `[${i}].id`,
          `Schedule id "${s.id}" is already used by entry ${first}`, 'give each schedule its own id (slot keys include it)', { scheduleId: s.id }));
        return;
      }
      seen.set(s.id, i);
      schedules.push(s);
    } catch (e) {
      if (!(e instanceof ScheduleError)) throw e;
      errors.push(new ScheduleError(e.code, e.path ? `[${i}].${e.path}` : `[${i}]`, e.problem, e.action,
        { ...(e.scheduleId === undefined ? {} : { scheduleId: e.scheduleId }), cause: e }));
    }
  });
  return errors.length ? { ok: false, errors } : { ok: true, schedules };
}
