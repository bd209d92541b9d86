import type { DateTime, DateTimeMaybeValid } from 'luxon';
import { FatalError } from '../errors.js';

/**
 * `dateTime` when luxon could build it, typed as valid (`toISO()` gives a string). Luxon does not throw on an impossible
 * date or an unknown zone, it returns an invalid DateTime (Ballast never turns on luxon's process-wide
 * `Settings.throwOnInvalid`), so every DateTime built from values checked before (a calendar's dates, a validated
 * policy's zone) passes through here. User input is checked where it comes in, with its own message (see
 * `requireTimeZone`, `parseIsoDate`); reaching this throw is a bug.
 * Throws {@link FatalError} `INTERNAL` naming `what` and luxon's explanation when `dateTime` is invalid.
 */
export function validDateTime(dateTime: DateTimeMaybeValid, what: string): DateTime<true> {
  if (!dateTime.isValid) {
    throw new FatalError('INTERNAL', `${what} is not a valid date and time: ${dateTime.invalidExplanation ?? dateTime.invalidReason}`, 'please report this as a bug');
  }
  return dateTime;
}
