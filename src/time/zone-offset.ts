import { DateTime, IANAZone, Info } from 'luxon';
import { requireTimeZone } from './time-zone.js';
import { validDateTime } from './valid-date-time.js';

/** One UTC year of a zone: the instants (epoch ms) from which each offset (minutes east of UTC) holds. */
interface YearTable {
  readonly starts: readonly number[];
  readonly offsets: readonly number[];
}

const WEEK_MS = 7 * 86_400_000;
const tables = new Map<string, Map<number, YearTable>>();

/**
 * The UTC offset of IANA zone `timeZone` at epoch milliseconds `ms`, in minutes east of UTC (New York in winter:
 * −300), exactly as luxon's `IANAZone.offset` gives it, but from a table of the zone's transitions built once per UTC
 * year (sampled weekly, each change located to the second by bisection): a lookup is a binary search instead of an
 * `Intl` call, which replays make millions of times. Throws `FatalError` `INVALID_TIME_ZONE` (with a did-you-mean) for
 * a name that is not an IANA time zone, checked once per zone.
 */
export function zoneOffsetMinutes(timeZone: string, ms: number): number {
  let years = tables.get(timeZone);
  if (years === undefined) {
    requireTimeZone(timeZone, 'time zone');
    years = new Map();
    tables.set(timeZone, years);
  }
  const year = new Date(ms).getUTCFullYear();
  let table = years.get(year);
  if (table === undefined) {
    table = buildYear(IANAZone.create(timeZone), year);
    years.set(year, table);
  }
  const { starts, offsets } = table;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= ms) lo = mid;
    else hi = mid - 1;
  }
  return offsets[lo]!;
}

/** The local calendar date (`YYYY-MM-DD`) of epoch milliseconds `ms` in `timeZone`. Throws as {@link zoneOffsetMinutes}. */
export function localDate(ms: number, timeZone: string): string {
  return new Date(ms + zoneOffsetMinutes(timeZone, ms) * 60_000).toISOString().slice(0, 10);
}

const fixedZones = new Map<string, boolean>();

/**
 * Epoch milliseconds `ms` as local time in `timeZone` with its offset, ISO 8601: `2026-03-09T16:30:00-04:00`
 * (milliseconds only when not 0). Exactly what luxon's `DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds:
 * true })` writes, from {@link zoneOffsetMinutes}'s table instead of an `Intl` call (schedules of a long replay format
 * thousands of slots); names luxon reads as a fixed offset (`UTC`, `GMT`: written `Z`) and years outside 0–9999 are
 * left to luxon. Throws as {@link zoneOffsetMinutes} for an unknown zone.
 */
export function localIsoTime(ms: number, timeZone: string): string {
  let fixed = fixedZones.get(timeZone);
  if (fixed === undefined) {
    fixed = Info.normalizeZone(timeZone).isUniversal;
    fixedZones.set(timeZone, fixed);
  }
  const offset = fixed ? 0 : zoneOffsetMinutes(timeZone, ms);
  const local = new Date(ms + offset * 60_000).toISOString();
  if (fixed || local.length !== 24) return validDateTime(DateTime.fromMillis(ms, { zone: timeZone }), `${ms} in ${timeZone}`).toISO({ suppressMilliseconds: true });
  const time = local.endsWith('.000Z') ? local.slice(0, 19) : local.slice(0, 23);
  const hours = Math.trunc(Math.abs(offset / 60));
  const minutes = Math.trunc(Math.abs(offset % 60));
  return `${time}${offset < 0 ? '-' : '+'}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

function buildYear(zone: IANAZone, year: number): YearTable {
  const from = Date.UTC(year, 0, 1);
  const to = Date.UTC(year + 1, 0, 1);
  const starts = [from];
  const offsets = [zone.offset(from)];
  let previous = from;
  for (let t = Math.min(from + WEEK_MS, to); ; t = Math.min(t + WEEK_MS, to)) {
    const offset = zone.offset(t);
    if (offset !== offsets[offsets.length - 1]) {
      // The change lies in (previous, t]: bisect to the first second with the new offset.
      let lo = previous;
      let hi = t;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (zone.offset(mid) === offset) hi = mid;
        else lo = mid;
      }
      starts.push(hi);
      offsets.push(offset);
    }
    if (t === to) break;
    previous = t;
  }
  return { starts, offsets };
}
