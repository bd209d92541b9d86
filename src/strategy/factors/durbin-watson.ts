import { mean } from '../../replay/metrics/moments.js';

/**
 * Durbin-Watson statistic of demeaned daily returns, as statsmodels `durbin_watson(resids)` applied to
 * e_t = r_t − mean(r):
 *
 *   DW = Σ_{t≥2} (e_t − e_{t−1})² / Σ_t e_t²  ≈ 2 (1 − ρ₁)
 *
 * Near 2: no first-order autocorrelation; toward 0: positive autocorrelation (trending); toward 4: negative
 * (mean-reverting). NaN with fewer than 2 values or zero variance.
 *
 * @param returns daily returns.
 */
export function durbinWatson(returns: Float64Array): number {
  const count = returns.length;
  if (count < 2) return NaN;
  const m = mean(returns);
  let previous = returns[0]! - m;
  let denominator = previous * previous;
  let numerator = 0;
  for (let i = 1; i < count; i++) {
    const e = returns[i]! - m;
    const step = e - previous;
    numerator += step * step;
    denominator += e * e;
    previous = e;
  }
  return denominator === 0 ? NaN : numerator / denominator;
}
