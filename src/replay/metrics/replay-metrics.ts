import { FatalError } from '../../errors.js';
import type { ReplayResult } from '../replay-result.js';
import { yearsCovered } from './annualization.js';
import { performanceMetrics, type PerformanceMetrics } from './performance-metrics.js';
import { tradingMetrics, type TradingMetrics } from './trading-metrics.js';

/** Options of {@link replayMetrics}. */
export interface ReplayMetricsOptions {
  /** Annual risk-free rate in percent for Sharpe and Sortino (`--risk-free`). Default 0. */
  readonly riskFreePct?: number;
}

/**
 * Every metric of a replay, the content of `metrics.json`: the policy's return and risk, the benchmark's on the same
 * sessions from the same capital, and what the policy traded. Percent fields end in `Pct`, money is in
 * `baseCurrency`, dates are `YYYY-MM-DD`.
 */
export interface ReplayMetrics extends Pick<ReplayResult, 'policyId' | 'policyName' | 'revision' | 'baseCurrency' | 'pricesFile' | 'fill' | 'initialCapital'> {
  readonly firstSession: string;
  readonly lastSession: string;
  readonly sessions: number;
  /** Calendar years from the day before the first session to the last (365.25-day years, ffn). */
  readonly years: number;
  readonly riskFreePct: number;
  readonly policy: PerformanceMetrics;
  readonly benchmark: PerformanceMetrics & { readonly label: string };
  readonly trading: TradingMetrics;
}

/**
 * Computes {@link ReplayMetrics} from a replay's result alone. Both series start from `initialCapital` the day
 * before the first session, as ffn does for bt, so every figure is comparable with bt's on the same equity.
 *
 * @throws FatalError `NO_SESSIONS` when the replay has no session.
 */
export function replayMetrics(result: ReplayResult, options: ReplayMetricsOptions = {}): ReplayMetrics {
  const sessions = result.dates.length;
  if (sessions === 0) throw new FatalError('NO_SESSIONS', `replay of ${result.policyId} has no session to measure`, 'replay a date range that holds at least one trading session');
  const riskFreePct = options.riskFreePct ?? 0;
  const firstSession = result.dates[0];
  const lastSession = result.dates[sessions - 1];
  const years = yearsCovered(firstSession, lastSession);
  return {
    policyId: result.policyId,
    policyName: result.policyName,
    revision: result.revision,
    baseCurrency: result.baseCurrency,
    pricesFile: result.pricesFile,
    fill: result.fill,
    firstSession,
    lastSession,
    sessions,
    years,
    initialCapital: result.initialCapital,
    riskFreePct,
    policy: performanceMetrics(result.dates, result.equity, result.initialCapital, riskFreePct),
    benchmark: {
      label: result.benchmark.label,
      ...performanceMetrics(result.dates, result.benchmark.equity, result.initialCapital, riskFreePct),
    },
    trading: tradingMetrics(result, years),
  };
}
