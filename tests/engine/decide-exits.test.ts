import { describe, expect, it } from 'vitest';
import { compiledRules, type CompiledRule } from '../../src/engine/compiled-rules.js';
import { decideExits } from '../../src/engine/decide-exits.js';
import { FactTable } from '../../src/engine/fact-table.js';
import { ALL_RULES_OFF, policyFrom } from '../support/policy-fixtures.js';

const NOW = new Date('2000-06-30T20:00:00Z');

// Stale: held 21+ days and moved under 5%. OLD is held longest (ranks first among stale exits) but moved +30%.
const policy = policyFrom(`${ALL_RULES_OFF.replace('stale: { enabled: false }', 'stale: { days_held: 21, max_move_pct: 5 }')}limits: { max_exits_per_week: 1 }\n`);
const holdings = {
  cash: 0,
  positions: [
    { symbol: 'OLD', quantity: 10, averageCost: 100, openedDate: '2000-03-01' },
    { symbol: 'S1', quantity: 10, averageCost: 100, openedDate: '2000-05-20' },
    { symbol: 'S2', quantity: 10, averageCost: 100, openedDate: '2000-06-05' },
  ],
};
const market = { date: '2000-06-30', prices: new Map([['OLD', 130], ['S1', 101], ['S2', 102]]) };

/** The policy's rules with a predicate that says every rule fires everywhere: json-rules-engine must overrule it. */
function lyingRules(): CompiledRule[] {
  return compiledRules(policy).map((rule) => ({ ...rule, mayFire: () => true }));
}

describe('decideExits', () => {
  for (const explainDropped of [true, false]) {
    it(`should make no proposal of a fire json-rules-engine does not confirm, and give its slot to the next candidate (explainDropped: ${explainDropped})`, async () => {
      const table = new FactTable(holdings, market, '2000-06-30');
      const decision = await decideExits(policy, { rules: lyingRules(), table, recentExits: [], now: NOW, explainDropped });
      expect(decision.proposals).toMatchObject([{ symbol: 'S1', ruleId: 'stale', quantity: 10 }]);
      expect(decision.dropped).toMatchObject(explainDropped ? [{ proposal: { symbol: 'S2' }, constraint: 'max_exits_per_week' }] : []);
    });
  }

  it('should decide the same with the honest predicates', async () => {
    const table = new FactTable(holdings, market, '2000-06-30');
    const decision = await decideExits(policy, { rules: compiledRules(policy), table, recentExits: [], now: NOW, explainDropped: true });
    expect(decision.proposals.map((p) => p.symbol)).toEqual(['S1']);
    expect(decision.dropped.map((d) => d.proposal.symbol)).toEqual(['S2']);
  });
});
