import { sampleStandardDeviation } from '../../replay/metrics/moments.js';

/**
 * Inverse-volatility (risk parity) allocation, w_i = σ_i⁻¹ / Σ_j σ_j⁻¹ (ffn `calc_inv_vol_weights`; note 003,
 * "Risk Parity Allocation"): σ_i is the std (ddof 1) of the last `lookback` sleeve returns (note 003: 60); a
 * sleeve with fewer than `minReturns` returns (note 003: 20) or zero volatility counts as σ = 1, as in the note.
 * Fractions summing to 1. The scale of σ cancels out, so daily σ is used as is.
 *
 * @param returns daily returns of each strategy's sleeve, oldest first.
 */
export function inverseVolAllocation(returns: readonly Float64Array[], lookback: number, minReturns: number): { weights: Float64Array; vols: Float64Array } {
  const vols = Float64Array.from(returns, (r) => {
    const window = r.subarray(Math.max(0, r.length - lookback));
    const sigma = window.length >= Math.max(2, minReturns) ? sampleStandardDeviation(window) : NaN;
    return sigma > 0 ? sigma : 1;
  });
  let total = 0;
  for (const v of vols) total += 1 / v;
  return { weights: vols.map((v) => 1 / v / total), vols };
}
