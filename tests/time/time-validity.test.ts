import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { asOfInstant } from '../../src/market/as-of-instant.js';
import { formatSlotInstant, toEpochMs } from '../../src/schedule/instant.js';
import { wallTimeToInstant } from '../../src/schedule/wall-time.js';
import { validDateTime } from '../../src/time/valid-date-time.js';
import { localDate, zoneOffsetMinutes } from '../../src/time/zone-offset.js';

describe('time values are checked where they are made (luxon never throws on its own)', () => {
  it('should refuse an unknown zone with what to write instead, wherever an offset or a local date is needed', () => {
    const at = Date.UTC(2026, 2, 9, 20, 30);
    for (const use of [() => zoneOffsetMinutes('Foo/Bar', at), () => localDate(at, 'Foo/Bar'), () => wallTimeToInstant('2026-03-09', { hour: 16, minute: 30 }, 'Foo/Bar')]) {
      expect(use).toThrow(expect.objectContaining({ code: 'INVALID_TIME_ZONE', message: expect.stringMatching(/"Foo\/Bar" is not an IANA time zone; write a name such as Europe\/Berlin/) }));
    }
    expect(() => localDate(at, 'berlin')).toThrow(/did you mean Europe\/Berlin\?/);
  });

  it('should say which date or zone an as-of instant cannot be made of', () => {
    expect(() => asOfInstant('2001-02-30', 'America/New_York')).toThrow(expect.objectContaining({ code: 'INVALID_DATE', message: expect.stringMatching(/"2001-02-30" is not a calendar date; write a real date as YYYY-MM-DD/) }));
    expect(() => asOfInstant('2001-01-02', 'Mars/Olympus')).toThrow(expect.objectContaining({ code: 'INVALID_TIME_ZONE' }));
    expect(asOfInstant('2001-01-02', 'America/New_York').toISOString()).toBe('2001-01-02T21:00:00.000Z');
  });

  it('should refuse an instant text that is not one, and format slot instants without milliseconds', () => {
    expect(() => toEpochMs('2026-02-30T10:00:00Z', 'from')).toThrow(expect.objectContaining({ code: 'SCHEDULE_BAD_INSTANT' }));
    expect(() => toEpochMs('2026-03-09T10:00:00', 'from')).toThrow(/with an offset/);
    expect(formatSlotInstant(toEpochMs('2026-03-09T16:30:00-04:00', 'at'))).toBe('2026-03-09T20:30:00Z');
  });

  it('should pass a valid DateTime through and stop an invalid one as a bug, with luxon\'s reason', () => {
    const valid = DateTime.fromISO('2026-03-09T16:30', { zone: 'America/New_York' });
    expect(validDateTime(valid, 'slot').toISO()).toBe('2026-03-09T16:30:00.000-04:00');
    expect(() => validDateTime(DateTime.fromISO('2026-02-30'), 'session open')).toThrow(expect.objectContaining({ code: 'INTERNAL', message: expect.stringMatching(/session open is not a valid date and time: .*day/) }));
  });
});
