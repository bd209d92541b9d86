import type { Proposal } from './proposal.js';
import type { RebalancePlan } from './plan-rebalance.js';

/**
 * Summary metrics of a rebalance run (note 004 §9), over every proposal of the run, exits and rebalance trades.
 *
 * - `turnoverPct`: two-way turnover, (Σ buy notional + Σ sell notional) / equity × 100 — note 004 §2, "sum of
 *   absolute buy+sell value / portfolio value".
 * - `maxDriftBeforePp` / `maxDriftAfterPp`: largest |live − target| over the targeted symbols, in percentage points,
 *   before the run and after its trades at the run's prices; null without a `rebalance:` section.
 * - `budgetUsedPct`: the rebalance's one-way traded value / its budget × 100 (note 004 §4.3); null without one.
 */
export interface RunMetrics {
  readonly tradeCount: number;
  readonly turnoverPct: number;
  readonly maxDriftBeforePp: number | null;
  readonly maxDriftAfterPp: number | null;
  readonly budgetUsedPct: number | null;
}

/**
 * Computes {@link RunMetrics}. `maxDriftBeforePp` is measured on the holdings before the exit rules
 * (`driftBeforeExitsPp`), so it shows where the portfolio stood when the run began.
 */
export function runMetrics(proposals: readonly Proposal[], equity: number, plan: RebalancePlan | undefined, driftBeforeExitsPp: number | null): RunMetrics {
  const traded = proposals.reduce((sum, p) => sum + p.notional, 0);
  return {
    tradeCount: proposals.length,
    turnoverPct: equity > 0 ? Math.round((traded / equity) * 100 * 1e6) / 1e6 : 0,
    maxDriftBeforePp: driftBeforeExitsPp,
    maxDriftAfterPp: plan ? plan.summary.maxAbsDriftAfterPp : null,
    budgetUsedPct: plan ? plan.summary.budgetUsedPct : null,
  };
}
