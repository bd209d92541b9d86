import { describe, expect, it } from 'vitest';
import { wallTimeToInstant } from '../../src/schedule/wall-time.js';

const iso = (ms: number): string => new Date(ms).toISOString();

describe('wallTimeToInstant', () => {
  it('should convert an ordinary wall time with the zone offset', () => {
    expect(wallTimeToInstant('2026-03-09', { hour: 16, minute: 30 }, 'America/New_York')).toMatchObject({ dst: undefined });
    expect(iso(wallTimeToInstant('2026-03-09', { hour: 16, minute: 30 }, 'America/New_York').epochMs)).toBe('2026-03-09T20:30:00.000Z');
  });

  it('should move a time inside the spring-forward gap to the end of the gap (03:00 local)', () => {
    const r = wallTimeToInstant('2026-03-08', { hour: 2, minute: 30 }, 'America/New_York');
    expect(r.dst).toBe('gap');
    expect(iso(r.epochMs)).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
  });

  it('should take the first occurrence of a time inside the fall-back overlap', () => {
    const r = wallTimeToInstant('2026-11-01', { hour: 1, minute: 30 }, 'America/New_York');
    expect(r.dst).toBe('overlap');
    expect(iso(r.epochMs)).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT, not 01:30 EST (06:30Z)
  });

  it('should handle a half-hour DST shift (Australia/Lord_Howe)', () => {
    const r = wallTimeToInstant('2026-10-04', { hour: 2, minute: 15 }, 'Australia/Lord_Howe');
    expect(r.dst).toBe('gap');
    expect(iso(r.epochMs)).toBe('2026-10-03T15:30:00.000Z'); // 02:30 +11:00 = 02:00 +10:30
  });
});
