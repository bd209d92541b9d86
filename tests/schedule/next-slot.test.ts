import { describe, expect, it } from 'vitest';
import { nextSlot } from '../../src/schedule/next-slot.js';
import { everyDayNy, schedule } from './fixtures.js';

describe('nextSlot', () => {
  it('should return the first slot strictly after the instant', () => {
    const daily = schedule('daily at 16:30');
    expect(nextSlot(daily, '2026-11-23T21:30:00Z').at).toBe('2026-11-24T21:30:00Z');
    expect(nextSlot(daily, '2026-11-23T21:29:59Z').at).toBe('2026-11-23T21:30:00Z');
    expect(nextSlot(daily, new Date('2026-11-25T22:00:00Z')).date).toBe('2026-11-27');
  });

  it('should search far enough for sparse schedules', () => {
    expect(nextSlot(schedule('quarterly at 15:10'), '2026-10-01T00:00:00Z').localTime).toBe('2026-12-31T15:10:00-05:00');
    expect(nextSlot(schedule({ cron: '0 12 29 2 *' }, everyDayNy), '2026-03-01T00:00:00Z').date).toBe('2028-02-29');
  });

  it('should throw SCHEDULE_NO_SLOT for a schedule that never fires', () => {
    // node-cron accepts "29 days before the last of February", which never comes ("0 0 30 2 *" is refused when parsed).
    expect(() => nextSlot(schedule({ cron: '0 0 L-29 2 *' }, everyDayNy), '2026-01-01T00:00:00Z')).toThrow(expect.objectContaining({ code: 'SCHEDULE_NO_SLOT' }));
  });

  it('should throw CALENDAR_OUT_OF_RANGE past the covered years', () => {
    expect(() => nextSlot(schedule('daily at 16:30'), '2027-12-31T22:00:00Z')).toThrow(expect.objectContaining({ code: 'CALENDAR_OUT_OF_RANGE' }));
  });
});
