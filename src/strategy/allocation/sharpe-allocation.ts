import { sharpeRatio } from '../../replay/metrics/index.js';

/**
 * Annualized Sharpe ratio of the last `lookback` daily returns (risk-free rate 0): mean / std(ddof 1) × √252
 * (TECH-NOTES "Metric conventions", the replay's {@link sharpeRatio}). 0 with fewer than `minReturns` returns or
 * zero volatility (note 003: "if len(returns) < 20: sharpe = 0").
 */
export function trailingSharpe(returns: Float64Array, lookback: number, minReturns: number): number {
  const window = returns.subarray(Math.max(0, returns.length - lookback));
  if (window.length < Math.max(2, minReturns)) return 0;
  return sharpeRatio(window, 0) ?? 0;
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
export function sharpeAllocation(returns: readonly Float64Array[], lookback: number, minReturns: number): { weights: Float64Array; sharpes: Float64Array; fallback: boolean } {
  const sharpes = Float64Array.from(returns, (r) => trailingSharpe(r, lookback, minReturns));
  return { ...positiveSharpeWeights(sharpes), sharpes };
}
