import { performanceMetrics, sharpeRatio, type PerformanceMetrics } from '../metrics/index.js';
import { positiveSharpeWeights } from '../../strategy/allocation/sharpe-allocation.js';
import type { ReplayResult } from '../replay-result.js';
import type { ReplayStrategies } from './replay-strategies.js';

/** One strategy over a replay: its sleeve's return and risk (note 003's StrategyAttribution), its trading and allocation. */
export interface StrategyAttribution {
  readonly strategyId: string;
  readonly name: string;
  readonly period: string;
  readonly rebalances: number;
  /** The allocation in force at the end, fraction. */
  readonly allocation: number;
  /** The sleeve's equity at the end, base currency. */
  readonly finalEquity: number;
  /** Return and risk of the sleeve's own daily returns (capital moved in or out excluded, its trading costs included). */
  readonly metrics: PerformanceMetrics;
}

/**
 * A replay's strategies side by side (note 000's comparison), with the combination that would have followed note 000's
 * "Method 2": weights ∝ max(full-period Sharpe, 0) (equal when none is positive), rebalanced daily to those weights.
 */
export interface StrategiesAttribution {
  readonly strategies: readonly StrategyAttribution[];
  readonly sharpeWeighted: { readonly weights: readonly number[]; readonly metrics: PerformanceMetrics };
  readonly netting: ReplayStrategies['netting'];
  /** The accounting identity's terms at the last marked session, base currency (see `ReplayStrategies`). */
  readonly identity: {
    readonly date: string;
    readonly accountEquity: number;
    readonly sleeves: number;
    readonly unallocated: number;
    readonly sleeveCosts: number;
    readonly accountCosts: number;
    readonly tracking: number;
  };
}

/** Index of the first and one past the last session with a mark (all strategies share their marks). */
function markedSpan(series: Float64Array): [number, number] {
  let first = 0;
  while (first < series.length && Number.isNaN(series[first]!)) first++;
  let end = series.length;
  while (end > first && Number.isNaN(series[end - 1]!)) end--;
  return [first, end];
}

/** A growth index from daily returns, 1 before the first: nav_i = Π (1 + r). */
function navOf(returns: Float64Array): Float64Array {
  const nav = new Float64Array(returns.length);
  let value = 1;
  for (let i = 0; i < returns.length; i++) nav[i] = value *= 1 + returns[i]!;
  return nav;
}

/**
 * Attribution of a replay of a policy with strategies (notes 000 and 003): per strategy the return, CAGR, volatility,
 * Sharpe and maximum drawdown of its sleeve's returns, with the replay's metric definitions (`performanceMetrics`,
 * ffn's), over the sessions the sleeves were marked; the Sharpe-weighted combination; the netting; and the
 * accounting identity at the last session. Undefined for a replay without strategies.
 */
export function strategyAttribution(result: ReplayResult, riskFreePct = 0): StrategiesAttribution | undefined {
  const s = result.strategies;
  if (s === undefined || s.ids.length === 0) return undefined;
  const [first, end] = markedSpan(s.equity[0]!);
  const dates = result.dates.slice(first, end);
  const returns = s.returns.map((r) => r.slice(first, end));
  const strategies = s.ids.map((id, k): StrategyAttribution => ({
    strategyId: id,
    name: s.names[k]!,
    period: s.periods[k]!,
    rebalances: s.rebalances[k]!,
    allocation: s.allocation[k]![end - 1]!,
    finalEquity: s.equity[k]![end - 1]!,
    metrics: performanceMetrics(dates, navOf(returns[k]!), 1, riskFreePct),
  }));
  const sharpes = returns.map((r) => sharpeRatio(r.subarray(1), 0) ?? 0);
  const { weights } = positiveSharpeWeights(sharpes);
  const combined = new Float64Array(dates.length);
  for (let k = 0; k < returns.length; k++) for (let i = 0; i < combined.length; i++) combined[i] = combined[i]! + weights[k]! * returns[k]![i]!;
  const last = end - 1;
  let sleeves = 0;
  for (const equity of s.equity) sleeves += equity[last]!;
  return {
    strategies,
    sharpeWeighted: { weights: Array.from(weights), metrics: performanceMetrics(dates, navOf(combined), 1, riskFreePct) },
    netting: s.netting,
    identity: {
      date: result.dates[last]!,
      accountEquity: result.equity[last]!,
      sleeves,
      unallocated: s.unallocated[last]!,
      sleeveCosts: s.sleeveCosts[last]!,
      accountCosts: s.accountCosts[last]!,
      tracking: s.tracking[last]!,
    },
  };
}
