import { describe, expect, it } from 'vitest';
import { parseSchedules } from '../../src/schedule/parse-schedules.js';
import { nyse } from './fixtures.js';

describe('parseSchedules', () => {
  it('should parse every entry of a policy', () => {
    const r = parseSchedules([
      { id: 'daily_guards', when: 'daily at 16:30', runs: ['take_profit', 'cut_loss'] },
      { id: 'weekly_review', when: 'weekly on saturday at 11:55', runs: ['all'] },
    ], nyse);
    expect(r).toMatchObject({ ok: true, schedules: [{ id: 'daily_guards' }, { id: 'weekly_review' }] });
  });

  it('should collect all errors with the entry index in the path, including duplicate ids', () => {
    const r = parseSchedules([
      { id: 'a', when: 'daily at 16:30' },
      { id: 'a', when: 'weekly on monday at 09:00' },
      { id: 'b', when: 'daily at 25:00' },
      { id: 'c', when: 'daily at 16:30', runs: [] },
    ], nyse);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toMatchObject([
      { code: 'SCHEDULE_DUPLICATE_ID', path: '[1].id' },
      { code: 'SCHEDULE_BAD_TIME', path: '[2].when', scheduleId: 'b' },
      { code: 'SCHEDULE_BAD_RUNS', path: '[3].runs' },
    ]);
  });
});
