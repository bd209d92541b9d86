import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { changePath } from '../../src/policy-diff/policy-change.js';
import { defaultNotes, policyChanges } from '../../src/policy-diff/policy-changes.js';
import { policyFrom } from '../support/policy-fixtures.js';

const rule = (id: string, days: number, extra = ''): string => `  - id: ${id}
    conditions:
      all:
        - { fact: days_held, operator: greaterThanInclusive, value: ${days} }
        - { fact: unrealized_pnl_pct, operator: lessThanInclusive, value: -7 }${extra}
    event: { type: exit }
`;

function changes(before: string, after: string): { path: string; kind: string; before?: unknown; after?: unknown }[] {
  return policyChanges(policyFrom(before), policyFrom(after)).map((c) => ({ ...c, path: changePath(c.segments) }));
}

describe('policyChanges', () => {
  it('should find nothing between a policy and itself written differently', () => {
    expect(changes('exits:\n  take_profit: { gain_pct: 25 }\n', 'exits:\n  take_profit:\n    gain_pct: 25 # the default\n')).toEqual([]);
  });

  it('should match rules by id, so reordering is no change and an edit is a change of that rule', () => {
    const both = `rules:\n${rule('a', 14)}${rule('b', 21)}`;
    expect(changes(both, `rules:\n${rule('b', 21)}${rule('a', 14)}`)).toEqual([]);
    expect(changes(both, `rules:\n${rule('b', 30)}${rule('a', 14)}`)).toEqual([
      { kind: 'changed', path: 'rules[b].conditions.all', segments: expect.anything(), before: expect.objectContaining({ value: 21 }), after: expect.objectContaining({ value: 30 }) },
    ]);
  });

  it('should name a condition test added or removed by itself, at its list', () => {
    const found = changes(`rules:\n${rule('a', 14)}`, `rules:\n${rule('a', 14, '\n        - { fact: weight_pct, operator: greaterThan, value: 5 }')}`);
    expect(found).toMatchObject([{ kind: 'added', path: 'rules[a].conditions.all', after: { fact: 'weight_pct', operator: 'greaterThan', value: 5 } }]);
  });

  it('should treat a list of symbols as a set', () => {
    const found = changes('rebalance:\n  equal: [AA, BA, KO]\n', 'rebalance:\n  equal: [KO, AA, PG]\n');
    expect(found).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'added', path: 'rebalance.equal', after: 'PG' }),
      expect.objectContaining({ kind: 'removed', path: 'rebalance.equal', before: 'BA' }),
    ]));
    expect(found).toHaveLength(2);
  });

  it('should see a section switched on through its default', () => {
    expect(changes('', 'exits:\n  stale: { days_held: 10 }\n')).toMatchObject([{ kind: 'changed', path: 'exits.stale.days_held', before: 30, after: 10 }]);
  });
});

describe('defaultNotes', () => {
  it('should note a default written out or left out, but not a real change', () => {
    const before = 'limits:\n  max_trades_per_run: 10\n';
    const after = 'limits:\n  max_exits_per_week: 5\n';
    const effective = policyChanges(policyFrom(before), policyFrom(after));
    expect(effective).toEqual([]);
    const notes = defaultNotes(parse(before), parse(after), effective).map((n) => ({ kind: n.kind, path: changePath(n.segments), value: n.value }));
    expect(notes).toEqual(expect.arrayContaining([
      { kind: 'written', path: 'limits.max_exits_per_week', value: 5 },
      { kind: 'omitted', path: 'limits.max_trades_per_run', value: 10 },
    ]));
    const real = policyChanges(policyFrom(before), policyFrom('limits:\n  max_exits_per_week: 2\n'));
    expect(defaultNotes(parse(before), parse('limits:\n  max_exits_per_week: 2\n'), real).map((n) => changePath(n.segments))).toEqual(['limits.max_trades_per_run']);
  });
});
