import { describe, expect, it } from 'vitest';
import { combineTargets } from '../../src/strategy/combine-targets.js';
import { netOrders } from '../../src/strategy/net-orders.js';

describe('combineTargets', () => {
  it("should give note 000's 12.5%: 30% × 30% + 35% × 20% + 35% × (−10%)", () => {
    const { targets } = combineTargets(
      [
        { strategyId: 'volatility', allocation: 0.3, weights: new Map([['BTC', 0.3]]) },
        { strategyId: 'dw_factor', allocation: 0.35, weights: new Map([['BTC', 0.2]]) },
        { strategyId: 'kurtosis', allocation: 0.35, weights: new Map([['BTC', -0.1]]) },
      ],
      0.01,
    );
    expect(targets[0]!.symbol).toBe('BTC');
    expect(targets[0]!.weight).toBeCloseTo(0.125, 15);
    expect(targets[0]!.contributions.map((c) => Math.round(c.weight * 1e4) / 1e4)).toEqual([0.09, 0.07, -0.035]);
  });

  it("should give note 000's Sharpe-weighted 8.2% for BTC at 15%, 10% and −5%", () => {
    const { targets } = combineTargets(
      [
        { strategyId: 'volatility', allocation: 0.465, weights: new Map([['BTC', 0.15]]) },
        { strategyId: 'dw_factor', allocation: 0.26, weights: new Map([['BTC', 0.1]]) },
        { strategyId: 'kurtosis', allocation: 0.275, weights: new Map([['BTC', -0.05]]) },
      ],
      0.01,
    );
    expect(targets[0]!.weight).toBeCloseTo(0.082, 3);
  });

  it('should drop net targets under the 1% minimum and clip net shorts in a long-only account', () => {
    const combination = combineTargets(
      [
        { strategyId: 'a', allocation: 0.5, weights: new Map([['KO', 0.01], ['GE', -0.2], ['IBM', 0.5]]) },
        { strategyId: 'b', allocation: 0.5, weights: new Map([['KO', 0.005]]) },
      ],
      0.01,
    );
    expect(combination.targets.map((t) => t.symbol)).toEqual(['IBM']);
    expect(combination.belowMinimum.map((t) => [t.symbol, t.weight])).toEqual([['KO', 0.0075]]);
    expect(combination.clippedShort.map((t) => [t.symbol, t.weight])).toEqual([['GE', -0.1]]);
  });
});

describe('netOrders', () => {
  it('should net opposing orders and report gross, net and the saving (note 003)', () => {
    const report = netOrders([
      { strategyId: 'momentum', symbol: 'KO', notional: 10_000 },
      { strategyId: 'mean_reversion', symbol: 'KO', notional: -6_000 },
      { strategyId: 'momentum', symbol: 'GE', notional: -2_000 },
      { strategyId: 'pairs', symbol: 'GE', notional: -1_000 },
    ]);
    expect(report.symbols).toMatchObject([
      { symbol: 'GE', net: -3_000 },
      { symbol: 'KO', net: 4_000, orders: [{ strategyId: 'momentum', notional: 10_000 }, { strategyId: 'mean_reversion', notional: -6_000 }] },
    ]);
    expect(report).toMatchObject({ gross: 19_000, net: 7_000, saving: 12_000 });
    expect(report.savingPct).toBeCloseTo((12_000 / 19_000) * 100, 12);
  });

  it('should report no saving when nothing trades', () => {
    expect(netOrders([])).toMatchObject({ gross: 0, net: 0, saving: 0, savingPct: 0 });
  });
});
