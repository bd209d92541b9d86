import { describe, expect, it } from 'vitest';
import { previousSlot } from '../../src/schedule/previous-slot.js';
import { schedule } from './fixtures.js';

describe('previousSlot', () => {
  it('should include a slot exactly at the instant', () => {
    const daily = schedule('daily at 16:30');
    expect(previousSlot(daily, '2026-11-23T21:30:00Z').at).toBe('2026-11-23T21:30:00Z');
    expect(previousSlot(daily, '2026-11-23T21:29:59Z').at).toBe('2026-11-20T21:30:00Z');
  });

  it('should find the last monthly slot months back', () => {
    expect(previousSlot(schedule('quarterly at 15:10'), '2026-12-31T20:09:00Z').date).toBe('2026-09-30');
  });

  it('should throw CALENDAR_OUT_OF_RANGE before the covered years', () => {
    expect(() => previousSlot(schedule('daily at 16:30'), '1990-01-01T12:00:00Z')).toThrow(expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE' }));
  });
});
