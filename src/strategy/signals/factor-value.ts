import type { FactorName, FactorSignal } from '../../policy/policy.js';
import { dailyReturns } from '../factors/daily-returns.js';
import { durbinWatson } from '../factors/durbin-watson.js';
import { sampleExcessKurtosis } from '../factors/kurtosis.js';
import { momentum } from '../factors/momentum.js';
import { rollingVolatility } from '../factors/rolling-volatility.js';

/**
 * The value of a built-in factor for one symbol at the decision session `end`, or undefined when the window has a
 * missing close or starts before the data: volatility (std(r, ddof 1) × √252, {@link rollingVolatility}), kurtosis
 * and Durbin-Watson over the last `lookback` daily returns, momentum over `lookback` sessions ending `skip` sessions
 * back.
 *
 * @param scratch a buffer of length ≥ `signal.lookback`, reused across symbols so the hot loop does not allocate.
 */
export function factorValue(signal: FactorSignal, closes: Float64Array, end: number, scratch: Float64Array): number | undefined {
  if (signal.factor === 'momentum') return momentum(closes, end, signal.lookback, signal.skip);
  if (signal.factor === 'volatility') return rollingVolatility(closes, end, signal.lookback);
  const returns = dailyReturns(closes, end, signal.lookback, scratch);
  if (returns === undefined) return undefined;
  const value = signal.factor === 'kurtosis' ? sampleExcessKurtosis(returns) : durbinWatson(returns);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The usual direction of a factor when a strategy does not say: `ascending` (lowest first) for volatility (the
 * low-volatility anomaly) and kurtosis (thin tails), `descending` (highest first) for momentum (winners) and
 * Durbin-Watson (most mean-reverting first).
 */
export function defaultRank(factor: FactorName): 'ascending' | 'descending' {
  return factor === 'volatility' || factor === 'kurtosis' ? 'ascending' : 'descending';
}
