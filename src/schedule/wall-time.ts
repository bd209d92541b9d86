import { zoneOffsetMinutes } from '../time/zone-offset.js';
import { parseIsoDate } from '../time/iso-date.js';
import type { TimeOfDay } from './schedule.js';

/** An instant resolved from a local wall time, and how daylight-saving time affected it. */
export interface WallInstant {
  /** Epoch milliseconds of the instant. */
  readonly epochMs: number;
  /** `gap`: the wall time does not exist that day (spring forward) and the gap's end was taken; `overlap`: it exists
   * twice (fall back) and the first occurrence was taken; `undefined`: it exists once. */
  readonly dst: 'gap' | 'overlap' | undefined;
}

const DAY_MS = 86_400_000;

/**
 * Resolves the wall time `at` on local `date` in IANA zone `timeZone` to one instant, with Ballast's DST rule:
 * - inside a spring-forward gap (e.g. 02:30 on 2026-03-08 in America/New_York) the slot runs at the first valid
 *   instant after the gap — the transition itself, 03:00 local — and is not skipped (node-cron would skip it);
 * - inside a fall-back overlap (e.g. 01:30 on 2026-11-01 in America/New_York) it runs once, at the first occurrence
 *   (01:30 EDT, UTC−4).
 * Works for any offset change (half-hour shifts too) because it reads the zone's offsets, not a fixed one hour.
 * Throws `FatalError` `INVALID_TIME_ZONE` when `timeZone` is not an IANA time zone.
 */
export function wallTimeToInstant(date: string, at: TimeOfDay, timeZone: string): WallInstant {
  const zone = { offset: (ms: number): number => zoneOffsetMinutes(timeZone, ms) };
  const [y, mo, d] = parseIsoDate(date) ?? [1970, 1, 1];
  const wall = Date.UTC(y, mo - 1, d, at.hour, at.minute);
  const before = zone.offset(wall - DAY_MS);
  const after = zone.offset(wall + DAY_MS);
  if (before === after && zone.offset(wall - before * 60_000) === before) return { epochMs: wall - before * 60_000, dst: undefined }; // no change near: one reading
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * 60_000)
    .filter((ms) => wall - zone.offset(ms) * 60_000 === ms)
    .sort((a, b) => a - b);
  const first = candidates[0];
  if (first !== undefined) return { epochMs: first, dst: candidates.length > 1 ? 'overlap' : undefined };
  // In the gap: find the transition instant (first instant on the later offset) between the two readings.
  let lo = Math.min(wall - before * 60_000, wall - after * 60_000);
  let hi = Math.max(wall - before * 60_000, wall - after * 60_000);
  const loOffset = zone.offset(lo);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zone.offset(mid) === loOffset) lo = mid;
    else hi = mid;
  }
  return { epochMs: hi, dst: 'gap' };
}
