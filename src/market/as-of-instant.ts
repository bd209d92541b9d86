import { DateTime } from 'luxon';
import { FatalError } from '../errors.js';
import { parseIsoDate } from '../time/iso-date.js';

/** The wall-clock time an as-of date stands for: the 16:00 close, in the policy's time zone. */
export const AS_OF_TIME = { hour: 16, minute: 0 } as const;

/**
 * The instant an evaluation "as of `date`" runs at: `date` 16:00 in `timeZone` (after the US close).
 * Throws `INVALID_DATE` when `date` is not a real `YYYY-MM-DD` date, `INVALID_TIME_ZONE` when the zone is unknown.
 */
export function asOfInstant(date: string, timeZone: string): Date {
  const parts = parseIsoDate(date);
  if (parts === undefined) throw new FatalError('INVALID_DATE', `"${date}" is not a calendar date`, 'write a real date as YYYY-MM-DD, e.g. 2001-01-02');
  const [year, month, day] = parts;
  const instant = DateTime.fromObject({ year, month, day, ...AS_OF_TIME }, { zone: timeZone });
  if (!instant.isValid) throw new FatalError('INVALID_TIME_ZONE', `"${timeZone}" is not an IANA time zone`, 'fix `time_zone` in the policy');
  return instant.toJSDate();
}
