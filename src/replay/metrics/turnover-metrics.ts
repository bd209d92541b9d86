import type { ReplayRun } from '../replay-result.js';

/**
 * Two-way turnover of a replay's runs, (Σ buys + Σ sells) / equity at each run (note 004 §2), in percent. A replay
 * that starts from cash counts its first investment as 100% turnover, as bt and the live run metrics do.
 */
export interface TurnoverMetrics {
  /** Mean turnover of the runs that traded; 0 when none did. */
  readonly meanPerTradingRunPct: number;
  /** The largest turnover of one run. */
  readonly maxPerRunPct: number;
  /** Σ turnover of every run. */
  readonly totalPct: number;
  /** Σ turnover / years covered (365.25-day years), the turnover of an average year. */
  readonly annualizedPct: number;
}

/** Computes {@link TurnoverMetrics} from the runs of a replay covering `years` calendar years. */
export function turnoverMetrics(runs: readonly ReplayRun[], years: number): TurnoverMetrics {
  let total = 0;
  let max = 0;
  let tradingRuns = 0;
  for (const run of runs) {
    total += run.turnover;
    if (run.turnover > max) max = run.turnover;
    if (run.trades > 0) tradingRuns++;
  }
  return {
    meanPerTradingRunPct: tradingRuns > 0 ? (total / tradingRuns) * 100 : 0,
    maxPerRunPct: max * 100,
    totalPct: total * 100,
    annualizedPct: (total / years) * 100,
  };
}
