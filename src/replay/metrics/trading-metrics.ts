import type { ReplayResult } from '../replay-result.js';
import { exposure } from './exposure.js';
import { ruleMetrics, type RuleMetrics } from './rule-metrics.js';
import { turnoverMetrics, type TurnoverMetrics } from './turnover-metrics.js';

/** What a replay traded and what trading cost. Money in base currency, shares of time and turnover in percent. */
export interface TradingMetrics {
  /** Fills executed. */
  readonly trades: number;
  /** Evaluations (rebalance runs), with or without trades. */
  readonly runs: number;
  readonly runsWithTrades: number;
  readonly turnover: TurnoverMetrics;
  /** Sessions holding at least one position / sessions × 100. */
  readonly timeInvestedPct: number;
  /** Mean of (equity − cash) / equity × 100 over sessions. */
  readonly averageInvestedPct: number;
  /** Σ commissions of every fill. Slippage is in the fill prices, so it shows in equity, not here. */
  readonly commissionsPaid: number;
  /** Σ commissions / initial capital × 100. */
  readonly commissionsPaidPct: number;
  /** Σ realized P&L of every sell (FIFO lots, commissions included). */
  readonly realizedPnl: number;
  /** Per rule, most trades first. */
  readonly rules: readonly RuleMetrics[];
}

/** Computes {@link TradingMetrics} of a replay that covers `years` calendar years. */
export function tradingMetrics(result: ReplayResult, years: number): TradingMetrics {
  let commissions = 0;
  let realized = 0;
  for (const fill of result.fills) {
    commissions += fill.commission;
    realized += fill.realizedPnl;
  }
  const { timeInvestedPct, averageInvestedPct } = exposure(result.weights, result.dates.length);
  return {
    trades: result.fills.length,
    runs: result.runs.length,
    runsWithTrades: result.runs.filter((run) => run.trades > 0).length,
    turnover: turnoverMetrics(result.runs, years),
    timeInvestedPct,
    averageInvestedPct,
    commissionsPaid: commissions,
    commissionsPaidPct: result.initialCapital > 0 ? (commissions / result.initialCapital) * 100 : 0,
    realizedPnl: realized,
    rules: ruleMetrics(result.fills),
  };
}
