import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import type { Holdings } from '../../src/portfolio/holdings.js';
import { ALL_RULES_OFF, policyFrom } from '../support/policy-fixtures.js';

const NOW = new Date('2000-06-30T20:00:00Z');
const BT_LIKE = (scope: string, rounding: string) => policyFrom(`${ALL_RULES_OFF}rounding: ${rounding}
limits: { min_trade_value: 0 }
rebalance:
  equal: all
  bands: { absolute_pp: 100, relative_pct: 25 }
  scope: ${scope}
  budget_pct: 100
`);

// Equity 1,000: A at 400 (40%, 20% over its 33.3% target: inside the 25% relative band), B at 400 (inside),
// C at 200 (20%: 40% under target, outside). Every symbol priced is a target (equal: all).
const holdings: Holdings = {
  cash: 0,
  positions: [
    { symbol: 'A', quantity: 4, averageCost: 100, openedDate: '2000-01-03' },
    { symbol: 'B', quantity: 4, averageCost: 100, openedDate: '2000-01-03' },
    { symbol: 'C', quantity: 2, averageCost: 100, openedDate: '2000-01-03' },
  ],
};
const market = { date: '2000-06-30', prices: new Map([['A', 100], ['B', 100], ['C', 100]]) };

describe('rebalance scope, equal: all and rounding: none (bt parity options)', () => {
  it('should consider only the breached name with scope: breached (C\'s buy then finds no cash: nothing is sold)', async () => {
    const result = await evaluate(BT_LIKE('breached', 'standard'), holdings, market, NOW);
    expect(result.proposals).toEqual([]);
    expect(result.rebalance?.dropped).toMatchObject([{ symbol: 'C', side: 'buy', constraint: 'cash', effect: 'dropped' }]);
  });

  it('should bring every target back to 1/3 unrounded once one breaches, with scope: all and rounding: none', async () => {
    const result = await evaluate(BT_LIKE('all', 'none'), holdings, market, NOW);
    const third = 1000 / 3 / 100;
    expect(result.proposals.map((p) => [p.symbol, p.side])).toEqual([['A', 'sell'], ['B', 'sell'], ['C', 'buy']]);
    expect(result.proposals[0]!.quantity).toBeCloseTo(4 - third, 12);
    expect(result.proposals[2]!.quantity).toBeCloseTo(third - 2, 12);
    expect(result.proposals[0]!.reason).toMatch(/inside its band, traded with the others \(scope: all\)/);
    expect(result.rebalance?.targetsPct).toEqual({ A: 100 / 3, B: 100 / 3, C: 100 / 3 });
  });
});
