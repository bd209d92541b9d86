import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { measureDrift } from '../../src/engine/rebalance/index.js';
import type { Holdings } from '../../src/portfolio/holdings.js';
import { ALL_RULES_OFF, policyFrom } from '../support/policy-fixtures.js';

const NOW = new Date('2000-06-30T20:00:00Z');

describe('evaluate with a rebalance section', () => {
  it('should run the exits first and rebalance the portfolio they leave, buying with the cash they free', async () => {
    // KO 100 sh @ 100 (cost 50: +100%), PG 100 sh @ 100, no cash. Equity 20,000.
    // take_profit sells all of KO for 10,000. The rebalance then sees PG at 50% (on target), MO at 0% vs 50%,
    // and 10,000 of cash: buy MO back to 50%, 10,000 / 50 = 200 sh.
    const policy = policyFrom(`${ALL_RULES_OFF.replace('take_profit: { enabled: false }', 'take_profit: { gain_pct: 50, sell_pct: 100 }')}
rebalance:
  targets: { PG: 50, MO: 50 }
  budget_pct: 100
`);
    const holdings: Holdings = {
      cash: 0,
      positions: [
        { symbol: 'KO', quantity: 100, averageCost: 50, openedDate: '2000-01-03' },
        { symbol: 'PG', quantity: 100, averageCost: 100, openedDate: '2000-01-03' },
      ],
    };
    const prices = new Map([['KO', 100], ['PG', 100], ['MO', 50]]);
    const result = await evaluate(policy, holdings, { date: '2000-06-30', prices }, NOW);
    expect(result.proposals).toMatchObject([
      { symbol: 'KO', kind: 'take_profit', side: 'sell', quantity: 100, tags: ['take_profit'] },
      { symbol: 'MO', kind: 'rebalance', action: 'buy', side: 'buy', quantity: 200, notional: 10_000, tags: ['drift'] },
    ]);
    // Turnover two-way: (10,000 sold + 10,000 bought) / 20,000 = 100%. Drift before: PG 50% on target, MO −50 pp.
    expect(result.metrics).toMatchObject({ tradeCount: 2, turnoverPct: 100, maxDriftBeforePp: 50, maxDriftAfterPp: 0 });
  });

  it('should give the rebalance only the trades the exits left under max_trades_per_run', async () => {
    const policy = policyFrom(`${ALL_RULES_OFF.replace('cut_loss: { enabled: false }', 'cut_loss: { loss_pct: 10, hard_stop_pct: 20 }')}
limits: { max_trades_per_run: 2 }
rebalance:
  equal: [AA, BA, CAT]
  budget_pct: 100
`);
    const holdings: Holdings = { cash: 30_000, positions: [{ symbol: 'EK', quantity: 100, averageCost: 100, openedDate: '2000-01-03' }] };
    const prices = new Map([['EK', 85], ['AA', 10], ['BA', 20], ['CAT', 40]]);
    const result = await evaluate(policy, holdings, { date: '2000-06-30', prices }, NOW);
    expect(result.proposals.map((p) => `${p.kind}:${p.symbol}`)).toEqual(['cut_loss:EK', expect.stringMatching(/^rebalance:/)]);
    expect(result.rebalance!.dropped.filter((d) => d.constraint === 'max_trades')).toHaveLength(2);
  });

  it('should report the drift before the exits exactly as measureDrift measures it, whatever the exits sold', async () => {
    const policy = policyFrom(`${ALL_RULES_OFF.replace('take_profit: { enabled: false }', 'take_profit: { gain_pct: 20, sell_pct: 50 }').replace('cut_loss: { enabled: false }', 'cut_loss: { loss_pct: 10, hard_stop_pct: 20 }')}
limits: { max_trades_per_run: 100, max_exits_per_week: 100, min_trade_value: 0 }
rebalance:
  equal: [S0, S1, S2, S3, S4, S5, ZZ]
  budget_pct: 100
`);
    const position = fc.record({ quantity: fc.integer({ min: 1, max: 1000 }), cost: fc.integer({ min: 100, max: 20_000 }), price: fc.integer({ min: 100, max: 20_000 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(position, { minLength: 1, maxLength: 7 }), fc.integer({ min: 0, max: 100_000 }), async (rows, cash) => {
        // S0…S6 held (S6 without a target), ZZ and the S's beyond the rows targeted but not held.
        const holdings: Holdings = { cash, positions: rows.map((r, i) => ({ symbol: `S${i}`, quantity: r.quantity, averageCost: r.cost / 100, openedDate: '2000-01-03' })) };
        const prices = new Map([...rows.map((r, i) => [`S${i}`, r.price / 100] as const), ...['S0', 'S1', 'S2', 'S3', 'S4', 'S5', 'ZZ'].map((s) => [s, 10] as const)].reverse());
        const result = await evaluate(policy, holdings, { date: '2000-06-30', prices }, NOW);
        const targets = new Map(['S0', 'S1', 'S2', 'S3', 'S4', 'S5', 'ZZ'].map((s) => [s, 100 / 7] as const));
        const measured = measureDrift(holdings, prices, targets, 5, 25).rows.reduce((max, row) => Math.max(max, Math.abs(row.driftPp)), 0);
        expect(result.metrics.maxDriftBeforePp).toBe(measured);
      }),
      { numRuns: 200 },
    );
  });
});
