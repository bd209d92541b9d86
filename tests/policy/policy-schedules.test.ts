import { describe, expect, it } from 'vitest';
import { knownRuns, policySchedules } from '../../src/policy/policy-schedules.js';
import { validatePolicy } from '../../src/policy/validate-policy.js';
import { policyFrom } from '../support/policy-fixtures.js';

const header = 'version: 1\nid: sched-bot\naccount: paper\n';
const errorsOf = (text: string) => {
  const result = validatePolicy({ file: 'p.yaml', text: header + text });
  if (result.ok) throw new Error('should be invalid');
  return result.errors;
};

describe('policy schedules (validation)', () => {
  it('should default to no schedules and catch_up: latest', () => {
    expect(policyFrom('')).toMatchObject({ schedules: [], catch_up: 'latest' });
    expect(policyFrom('').calendar).toBeUndefined();
  });

  it('should report a schedule parser error at the offending key, with its code', () => {
    expect(errorsOf('calendar: XNYS\nschedules:\n  - id: daily_guards\n    when: daily at 16:30\n    runs: [take_profit, cut_los]\n')).toMatchObject([
      { code: 'SCHEDULE_UNKNOWN_RUN', path: 'schedules[0].runs[1]', line: 8, col: 25 },
    ]);
    expect(errorsOf('schedules:\n  - "weekly on funday at 10:00"\n')).toMatchObject([{ code: 'SCHEDULE_BAD_WEEKDAY', path: 'schedules[0]', line: 5, col: 5 }]);
  });

  it('should report a cron expression node-cron refuses at its value, naming the field and what it takes', () => {
    expect(errorsOf('schedules:\n  - id: closes\n    cron: "30 16 * * 8"\n')).toMatchObject([
      { code: 'SCHEDULE_BAD_CRON', path: 'schedules[0].cron', line: 6, col: 11, message: expect.stringMatching(/day of week "8" is not valid.*sun–sat/) },
    ]);
    expect(errorsOf('schedules:\n  - { id: b, when: "30 16 * * 8" }\n')).toMatchObject([
      { code: 'SCHEDULE_BAD_CRON', path: 'schedules[0].when', line: 5, col: 20 },
    ]);
    expect(errorsOf('schedules:\n  - { id: leap, cron: "0 12 30 2 *" }\n')).toMatchObject([
      { code: 'SCHEDULE_BAD_CRON', path: 'schedules[0].cron', line: 5, col: 23, message: expect.stringContaining('never occurs') },
    ]);
  });

  it('should report every bad entry, and duplicate ids at the second one', () => {
    const errors = errorsOf('schedules:\n  - { id: a, when: daily at 16:30 }\n  - { id: a, when: daily at 17:00 }\n  - { when: "monthly on 32 at 10:00" }\n');
    expect(errors.map((e) => [e.code, e.path, e.line])).toEqual([
      ['SCHEDULE_DUPLICATE_ID', 'schedules[1].id', 6],
      ['SCHEDULE_BAD_DAY', 'schedules[2].when', 7],
    ]);
  });

  it('should word schema errors of an entry for the branch it was written in', () => {
    expect(errorsOf('schedules:\n  - { runs: [all] }\n')).toMatchObject([{ code: 'MISSING_KEY', path: 'schedules[0]', line: 5, col: 5 }]);
    expect(errorsOf('schedules:\n  - { when: daily at 16:30, cron: "30 16 * * *" }\n')).toMatchObject([{ code: 'CONFLICT', path: 'schedules[0].cron', line: 5, col: 29 }]);
    expect(errorsOf('schedules:\n  - { when: daily at 16:30, bogus: 1 }\n')).toMatchObject([{ code: 'UNKNOWN_KEY', path: 'schedules[0].bogus', line: 5, col: 29 }]);
    expect(errorsOf('schedules:\n  - 5\n')).toMatchObject([{ code: 'WRONG_TYPE', path: 'schedules[0]' }]);
    expect(errorsOf('calendar: NYSE\n')).toMatchObject([{ code: 'BAD_VALUE', path: 'calendar', line: 4, col: 11 }]);
    expect(errorsOf('catch_up: all\n')).toMatchObject([{ code: 'BAD_VALUE', path: 'catch_up' }]);
  });
});

describe('policySchedules', () => {
  it('should parse in the policy zone and calendar, with the policy catch_up as default', () => {
    const policy = policyFrom('calendar: XNYS\ncatch_up: none\nschedules:\n  - "daily at 16:30"\n  - { id: weekly_review, when: weekly on saturday at 11:55, catch_up: latest }\n');
    const parsed = policySchedules(policy);
    if (!parsed.ok) throw new Error('should parse');
    expect(parsed.schedules).toMatchObject([
      { policyId: 'test-bot', id: 'daily_at_16_30', timeZone: 'America/New_York', catchUp: 'none', runs: ['all'], calendar: { code: 'XNYS' } },
      { id: 'weekly_review', catchUp: 'latest', roll: 'none' },
    ]);
  });

  it('should know the sections, built-in rules and custom rule ids', () => {
    const policy = policyFrom('rules:\n  - id: slow_bleed\n    conditions: { all: [{ fact: days_held, operator: greaterThan, value: 1 }] }\n    event: { type: exit }\n');
    expect(knownRuns(policy)).toEqual(['exits', 'rules', 'rebalance', 'cut_loss', 'take_profit', 'concentration', 'stale', 'slow_bleed']);
  });
});
