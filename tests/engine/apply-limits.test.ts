import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import type { Holdings, Position } from '../../src/portfolio/holdings.js';
import { ALL_RULES_OFF, policyFrom } from '../support/policy-fixtures.js';

const NOW = new Date('2000-06-30T20:00:00Z');

// Five losers, all past a 10% cut-loss: AA −20%, BA −15%, CAT −11%, DD −15%, EK −12%.
const PRICES = new Map([['AA', 80], ['BA', 85], ['CAT', 89], ['DD', 85], ['EK', 88]]);
const POSITIONS: Position[] = [...PRICES.keys()].map((symbol) => ({ symbol, quantity: 10, averageCost: 100, openedDate: '2000-06-01' }));

function policy(limits: string) {
  return policyFrom(`${ALL_RULES_OFF.replace('cut_loss: { enabled: false }', 'cut_loss: { loss_pct: 10, hard_stop_pct: 30 }')}limits:\n${limits}`);
}

async function run(limits: string, positions = POSITIONS, recentExits: { symbol: string; at: string }[] = []) {
  const holdings: Holdings = { cash: 0, positions };
  return evaluate(policy(limits), holdings, { date: '2000-06-30', prices: PRICES }, NOW, { recentExits });
}

describe('applyLimits', () => {
  it('should keep the most severe exits when the weekly cap binds, ties broken by symbol', async () => {
    const result = await run('  max_exits_per_week: 3\n');
    expect(result.proposals.map((p) => p.symbol)).toEqual(['AA', 'BA', 'DD']); // −20, then −15 twice (BA before DD)
    expect(result.dropped).toMatchObject([
      { proposal: { symbol: 'EK' }, constraint: 'max_exits_per_week' },
      { proposal: { symbol: 'CAT' }, constraint: 'max_exits_per_week' },
    ]);
  });

  it('should pick the same exits whatever order the holdings come in', async () => {
    const reversed = await run('  max_exits_per_week: 3\n', [...POSITIONS].reverse());
    expect(reversed.proposals.map((p) => p.symbol)).toEqual(['AA', 'BA', 'DD']);
  });

  it('should count exits recorded in the last 7 days against the cap', async () => {
    const recent = [
      { symbol: 'KO', at: '2000-06-26T20:00:00Z' }, // 4 days ago: counts
      { symbol: 'PG', at: '2000-06-23T20:00:00Z' }, // exactly 7 days ago: outside the rolling window
      { symbol: 'MO', at: '2000-06-20T20:00:00Z' }, // 10 days ago: outside
    ];
    const result = await run('  max_exits_per_week: 3\n', POSITIONS, recent);
    expect(result.proposals.map((p) => p.symbol)).toEqual(['AA', 'BA']);
  });

  it('should not charge a symbol already counted in the window a second time', async () => {
    const recent = [{ symbol: 'EK', at: '2000-06-29T20:00:00Z' }, { symbol: 'KO', at: '2000-06-29T20:00:00Z' }];
    const result = await run('  max_exits_per_week: 3\n', POSITIONS, recent);
    expect(result.proposals.map((p) => p.symbol)).toEqual(['AA', 'EK']);
  });

  it('should drop trades under the minimum value before the caps, and cap trades per run last', async () => {
    const result = await run('  min_trade_value: 860\n  max_trades_per_run: 1\n');
    // notionals: AA 800, BA 850, DD 850 are under 860; CAT 890, EK 880 remain; one trade per run keeps EK (−12% beats −11%).
    expect(result.proposals.map((p) => p.symbol)).toEqual(['EK']);
    expect(result.dropped.map((d) => [d.proposal.symbol, d.constraint])).toEqual([
      ['AA', 'min_trade_value'],
      ['BA', 'min_trade_value'],
      ['DD', 'min_trade_value'],
      ['CAT', 'max_trades_per_run'],
    ]);
  });
});
