import { describe, expect, it } from 'vitest';
import { parseSlotKey, slotKey } from '../../src/schedule/slot-key.js';

describe('slotKey', () => {
  it('should join policy, schedule and canonical instant', () => {
    expect(slotKey('shorgan', 'daily_guards', '2026-11-23T21:30:00Z')).toBe('shorgan/daily_guards/2026-11-23T21:30:00Z');
  });
});

describe('parseSlotKey', () => {
  it('should split a key, allowing / inside the policy id', () => {
    expect(parseSlotKey('team/shorgan/daily_guards/2026-11-23T21:30:00Z')).toEqual({ policyId: 'team/shorgan', scheduleId: 'daily_guards', at: '2026-11-23T21:30:00Z' });
  });

  it('should reject other text with SCHEDULE_BAD_SLOT_KEY', () => {
    for (const bad of ['daily_guards/2026-11-23T21:30:00Z', 'p/s/2026-11-23', 'p//2026-11-23T21:30:00Z']) {
      expect(() => parseSlotKey(bad), bad).toThrow(expect.objectContaining({ code: 'SCHEDULE_BAD_SLOT_KEY' }));
    }
  });
});
