import { DateTime } from 'luxon';

/**
 * An instant as a trader reads it on a phone, in IANA zone `zone` (checked valid by the caller), named by that zone:
 * `Sun 22 Nov 13:00 Europe/Berlin`, `Sun 22 Nov 12:00 UTC`. `iso` is ISO 8601.
 */
export function localTime(iso: string, zone: string): string {
  return `${DateTime.fromISO(iso, { zone }).toFormat('ccc d LLL HH:mm')} ${zone}`;
}

/**
 * How long until `iso` from `now`, rounded down to the minute: `in 23 h 59 min`, `in 2 d 3 h`, `in 5 min`,
 * `in less than a minute`; `past` once it is reached.
 */
export function timeLeft(iso: string, now: Date): string {
  const minutes = Math.floor((Date.parse(iso) - now.getTime()) / 60_000);
  if (Date.parse(iso) <= now.getTime()) return 'past';
  if (minutes < 1) return 'in less than a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `in ${days} d${hours > 0 ? ` ${hours} h` : ''}`;
  if (hours > 0) return `in ${hours} h${mins > 0 ? ` ${mins} min` : ''}`;
  return `in ${mins} min`;
}
