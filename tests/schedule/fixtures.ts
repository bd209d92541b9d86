import { parseSchedule, type ScheduleContext, type ScheduleSpec } from '../../src/schedule/parse-schedule.js';
import type { Schedule } from '../../src/schedule/schedule.js';

/** A policy context on NYSE in New York time, the one most tests use. */
export const nyse: ScheduleContext = { policyId: 'shorgan', timeZone: 'America/New_York', calendar: 'XNYS' };

/** A context without calendar (every day a session), New York time. */
export const everyDayNy: ScheduleContext = { policyId: 'crypto', timeZone: 'America/New_York' };

/** Parses a spec in a context (default: NYSE). */
export function schedule(spec: ScheduleSpec, context: ScheduleContext = nyse): Schedule {
  return parseSchedule(spec, context);
}
