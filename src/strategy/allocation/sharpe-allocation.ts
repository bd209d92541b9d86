import { mean, SESSIONS_PER_YEAR, sampleVariance } from '../math/moments.js';

/**
 * Annualized Sharpe ratio of the last `lookback` daily returns (risk-free rate 0): mean / std(ddof 1) × √252
 * (TECH-NOTES "Metric conventions"). 0 with fewer than `minReturns` returns or zero volatility (note 003:
 * "if len(returns) < 20: sharpe = 0").
 */
export function trailingSharpe(returns: ArrayLike<number>, lookback: number, minReturns: number): number {
  const to = returns.length;
  const from = Math.max(0, to - lookback);
  if (to - from < Math.max(2, minReturns)) return 0;
  const sd = Math.sqrt(sampleVariance(returns, from, to));
  return sd > 0 ? (mean(returns, from, to) / sd) * Math.sqrt(SESSIONS_PER_YEAR) : 0;
}

/**
 * Weights ∝ max(Sharpe, 0), or equal when no Sharpe is positive (note 003's fallback). With note 000's Sharpes
 * 1.20, 0.67 and 0.71 this gives 46.5%, 26.0% and 27.5%. Fractions summing to 1.
 */
export function positiveSharpeWeights(sharpes: ArrayLike<number>): { weights: Float64Array; fallback: boolean } {
  const n = sharpes.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.max(sharpes[i]!, 0);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = total > 0 ? Math.max(sharpes[i]!, 0) / total : 1 / n;
  return { weights, fallback: !(total > 0) };
}

/**
 * Sharpe-weighted allocation (note 003, "Dynamic Allocation"): w_i ∝ max(Sharpe_i, 0) over the last `lookback`
 * sleeve returns; equal weights when no strategy has a positive Sharpe ("fall back to equal allocation if all
 * strategies underperforming"). Fractions summing to 1.
 *
 * @param returns daily returns of each strategy's sleeve, oldest first.
 */
export function sharpeAllocation(returns: readonly ArrayLike<number>[], lookback: number, minReturns: number): { weights: Float64Array; sharpes: Float64Array; fallback: boolean } {
  const sharpes = Float64Array.from(returns, (r) => trailingSharpe(r, lookback, minReturns));
  return { ...positiveSharpeWeights(sharpes), sharpes };
}
