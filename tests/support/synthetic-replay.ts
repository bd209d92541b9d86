import type { ReplayFill, ReplayResult } from '../../src/replay/replay-result.js';

/**
 * A {@link ReplayResult} for tests, built from plain arrays: `equity` per session (cash defaults to 0, a fully
 * invested book), no fills or runs, and a benchmark equal to the policy unless given. Override any field.
 */
export function syntheticReplay(
  dates: readonly string[],
  equity: readonly number[],
  overrides: Partial<Omit<ReplayResult, 'dates' | 'equity'>> = {},
): ReplayResult {
  return {
    policyId: 'test-policy',
    policyName: 'Test policy',
    revision: 'abc1234',
    baseCurrency: 'USD',
    pricesFile: 'prices.csv',
    fill: 'next-close',
    initialCapital: equity[0] ?? 0,
    netDeposits: 0,
    dates,
    equity: Float64Array.from(equity),
    cash: new Float64Array(equity.length),
    symbols: [],
    weights: [],
    fills: [],
    runs: [],
    benchmark: { label: 'equal weight of the policy’s symbols', equity: Float64Array.from(equity) },
    ...overrides,
  };
}

/** A fill with sensible defaults: a rebalance buy of 10 shares at 100, no commission. */
export function fill(overrides: Partial<ReplayFill> = {}): ReplayFill {
  return {
    date: '2024-01-02',
    decidedOn: '2024-01-02',
    symbol: 'AA',
    side: 'buy',
    quantity: 10,
    price: 100,
    notional: 1000,
    commission: 0,
    kind: 'rebalance',
    ruleId: 'rebalance',
    reason: 'AA at 5% vs 10% target',
    realizedPnl: 0,
    ...overrides,
  };
}
