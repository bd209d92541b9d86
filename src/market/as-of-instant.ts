import { DateTime } from 'luxon';

/** The wall-clock time an as-of date stands for: the 16:00 close, in the policy's time zone. */
export const AS_OF_TIME = { hour: 16, minute: 0 } as const;

/**
 * The instant an evaluation "as of `date`" runs at: `date` 16:00 in `timeZone` (after the US close).
 * Throws when `date` is not `YYYY-MM-DD` or the zone is unknown.
 */
export function asOfInstant(date: string, timeZone: string): Date {
  const instant = DateTime.fromISO(date, { zone: timeZone }).set(AS_OF_TIME);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !instant.isValid) {
    throw new Error(`"${date}" is not a date in ${timeZone}; write YYYY-MM-DD`);
  }
  return instant.toJSDate();
}
