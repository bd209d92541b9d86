import { DateTime } from 'luxon';
import { ScheduleError } from '../errors.js';

/** An instant passed in by the caller (the core never reads the clock): a luxon DateTime, a Date, or ISO 8601 text
 * with an explicit offset or `Z` (text without one would depend on the machine's zone and is refused). */
export type InstantInput = DateTime | Date | string;

/** Converts an {@link InstantInput} to epoch milliseconds; throws `SCHEDULE_BAD_INSTANT` naming `name` when invalid. */
export function toEpochMs(input: InstantInput, name: string): number {
  let ms: number;
  if (input instanceof Date) ms = input.getTime();
  else if (typeof input === 'string') {
    if (!/(Z|[+-]\d{2}(:?\d{2})?)$/i.test(input.trim())) ms = NaN;
    else ms = DateTime.fromISO(input.trim(), { setZone: true }).toMillis(); // NaN when luxon cannot read it
  } else ms = DateTime.isDateTime(input) ? input.toMillis() : NaN;
  if (!Number.isFinite(ms)) {
    throw new ScheduleError('SCHEDULE_BAD_INSTANT', '',
      `${name} "${String(input)}" is not an instant`, 'pass a Date, a luxon DateTime or ISO text with an offset, e.g. 2026-03-09T20:30:00Z');
  }
  return ms;
}

/** Formats epoch milliseconds as the canonical slot instant: ISO 8601 UTC without milliseconds, `2026-03-09T20:30:00Z`. */
export function formatSlotInstant(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}
