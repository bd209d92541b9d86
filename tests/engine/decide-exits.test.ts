import fc from 'fast-check';
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

  it('should keep the same exits whether or not it explains the drops, when the weekly cap has slots left or none', async () => {
    const policies = [0, 1, 3].flatMap((cap) => [1, 4].map((trades) => policyFrom(`exits:
  take_profit: { gain_pct: 20, sell_pct: 50 }
  cut_loss: { loss_pct: 10, hard_stop_pct: 15 }
  stale: { days_held: 21, max_move_pct: 5 }
  concentration: { max_weight_pct: 15, trim_to_pct: 12 }
limits: { max_exits_per_week: ${cap}, max_trades_per_run: ${trades}, min_trade_value: 0 }
`)));
    const position = fc.record({ quantity: fc.integer({ min: 1, max: 500 }), cost: fc.integer({ min: 50, max: 150 }), price: fc.integer({ min: 50, max: 150 }), daysAgo: fc.integer({ min: 1, max: 60 }) });
    const exit = fc.record({ symbol: fc.integer({ min: 0, max: 9 }), daysAgo: fc.integer({ min: 0, max: 9 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(position, { minLength: 1, maxLength: 10 }), fc.array(exit, { maxLength: 4 }), fc.nat({ max: policies.length - 1 }), async (rows, exits, which) => {
        const policy = policies[which]!;
        const day = (ago: number): string => new Date(NOW.getTime() - ago * 86_400_000).toISOString();
        const holdings = { cash: 1000, positions: rows.map((r, i) => ({ symbol: `S${i}`, quantity: r.quantity, averageCost: r.cost, openedDate: day(r.daysAgo).slice(0, 10) })) };
        const market = { date: '2000-06-30', prices: new Map(rows.map((r, i) => [`S${i}`, r.price] as const)) };
        const recentExits = exits.map((e) => ({ symbol: `S${e.symbol}`, at: day(e.daysAgo) }));
        const decide = (explainDropped: boolean) => decideExits(policy, { rules: compiledRules(policy), table: new FactTable(holdings, market, '2000-06-30'), recentExits, now: NOW, explainDropped });
        expect((await decide(false)).proposals).toEqual((await decide(true)).proposals);
      }),
      { numRuns: 300 },
    );
  });
});
