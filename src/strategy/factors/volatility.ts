import { SESSIONS_PER_YEAR, sampleVariance } from '../math/moments.js';

/**
 * Annualized volatility of daily returns: std(r, ddof 1) × √252, the convention of ffn, empyrical and quantstats
 * (TECH-NOTES "Metric conventions"). A fraction: 0.25 means 25% a year. NaN with fewer than 2 returns.
 *
 * @param returns daily simple returns; only `returns[0..count)` is read.
 */
export function annualizedVolatility(returns: ArrayLike<number>, count: number = returns.length): number {
  return Math.sqrt(sampleVariance(returns, 0, count) * SESSIONS_PER_YEAR);
}
