import { sampleVariance } from '../math/moments.js';

/**
 * Inverse-volatility (risk parity) allocation, w_i = σ_i⁻¹ / Σ_j σ_j⁻¹ (ffn `calc_inv_vol_weights`; note 003,
 * "Risk Parity Allocation"): σ_i is the std (ddof 1) of the last `lookback` sleeve returns (note 003: 60); a
 * sleeve with fewer than `minReturns` returns (note 003: 20) or zero volatility counts as σ = 1, as in the note.
 * Fractions summing to 1. The scale of σ cancels out, so daily σ is used as is.
 *
 * @param returns daily returns of each strategy's sleeve, oldest first.
 */
export function inverseVolAllocation(returns: readonly ArrayLike<number>[], lookback: number, minReturns: number): { weights: Float64Array; vols: Float64Array } {
  const n = returns.length;
  const vols = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const r = returns[i]!;
    const from = Math.max(0, r.length - lookback);
    const sigma = r.length - from >= Math.max(2, minReturns) ? Math.sqrt(sampleVariance(r, from, r.length)) : NaN;
    vols[i] = sigma > 0 ? sigma : 1;
    total += 1 / vols[i]!;
  }
  return { weights: Float64Array.from(vols, (v) => 1 / v / total), vols };
}
