import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatSlotInstant } from '../../src/schedule/instant.js';
import { localIsoTime } from '../../src/time/zone-offset.js';

const ZONES = ['America/New_York', 'Europe/London', 'Asia/Kolkata', 'America/St_Johns', 'Australia/Lord_Howe', 'Etc/UTC', 'UTC', 'GMT'];

/** Every 7 hours and 13 minutes through 2025–2026 (both DST changes of every zone above), some with milliseconds. */
function instants(): number[] {
  const out: number[] = [];
  for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2027, 0, 1); ms += (7 * 60 + 13) * 60_000) out.push(ms, ms + 250);
  return out;
}

describe('localIsoTime', () => {
  it('should write local time with its offset exactly as luxon toISO does, in every kind of zone', () => {
    for (const zone of ZONES) {
      const mismatches = instants().filter((ms) => localIsoTime(ms, zone) !== DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }));
      expect(mismatches.map((ms) => [zone, new Date(ms).toISOString()])).toEqual([]);
    }
  });

  it('should write New York in winter and summer, and UTC as Z', () => {
    expect(localIsoTime(Date.UTC(2026, 2, 9, 20, 30), 'America/New_York')).toBe('2026-03-09T16:30:00-04:00');
    expect(localIsoTime(Date.UTC(2026, 0, 9, 21, 30, 0, 5), 'America/New_York')).toBe('2026-01-09T16:30:00.005-05:00');
    expect(localIsoTime(Date.UTC(2026, 0, 9, 21, 30), 'UTC')).toBe('2026-01-09T21:30:00Z');
  });
});

describe('formatSlotInstant', () => {
  it('should write the UTC instant without milliseconds when there are none, as luxon did', () => {
    for (const ms of instants()) {
      expect(formatSlotInstant(ms)).toBe(DateTime.fromMillis(ms, { zone: 'utc' }).toISO({ suppressMilliseconds: true })?.replace('+00:00', 'Z'));
    }
    expect(formatSlotInstant(Date.UTC(2026, 2, 9, 20, 30))).toBe('2026-03-09T20:30:00Z');
  });
});
