import { IANAZone } from 'luxon';
import { FatalError } from '../errors.js';

/**
 * True when `zone` is an IANA time zone name this runtime knows (`Europe/Berlin`, `UTC`). Checked with luxon's
 * `IANAZone.isValidZone`, never by comparing names: ICU may canonicalize `Asia/Kolkata` to `Asia/Calcutta`.
 */
export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * The IANA zone a mistyped name most likely means: the zone whose city matches case-insensitively (`berlin` →
 * `Europe/Berlin`, `new york` → `America/New_York`), else the closest full name by case-insensitive spelling; undefined
 * when nothing is close.
 */
export function suggestTimeZone(input: string): string | undefined {
  const wanted = input.trim().toLowerCase().replace(/[\s-]+/g, '_');
  const zones = Intl.supportedValuesOf('timeZone');
  return (
    zones.find((zone) => zone.toLowerCase() === wanted) ??
    zones.find((zone) => zone.toLowerCase().split('/').at(-1) === wanted.split('/').at(-1)) ??
    undefined
  );
}

/**
 * What is wrong with `zone` and what to write instead (with a did-you-mean), or undefined when it is an IANA time
 * zone. `source` says where the value came from, e.g. `--tz` or `TZ`.
 */
export function timeZoneProblem(zone: string, source: string): { problem: string; action: string } | undefined {
  if (isTimeZone(zone)) return undefined;
  const guess = suggestTimeZone(zone);
  return {
    problem: `${source} "${zone}" is not an IANA time zone`,
    action: guess ? `did you mean ${guess}?` : 'write a name such as Europe/Berlin, America/New_York or UTC',
  };
}

/** Returns `zone` when it is an IANA time zone; otherwise throws {@link FatalError} `INVALID_TIME_ZONE` ({@link timeZoneProblem}). */
export function requireTimeZone(zone: string, source: string): string {
  const wrong = timeZoneProblem(zone, source);
  if (wrong !== undefined) throw new FatalError('INVALID_TIME_ZONE', wrong.problem, wrong.action);
  return zone;
}
