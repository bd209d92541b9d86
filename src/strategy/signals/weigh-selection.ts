import type { Scored } from './rank-and-select.js';

/** How a strategy weighs the names it selected. */
export type Weighting = 'equal' | 'inverse_vol' | 'score';

/** Weights (fractions of the sleeve, summing to 1) and the names left out, with why. */
export interface WeighedSelection {
  readonly weights: Map<string, number>;
  readonly notes: readonly string[];
}

/**
 * Weighs selected names (best first), as fractions of the sleeve summing to 1:
 * - `equal`: 1/n each;
 * - `inverse_vol`: w_i = σ_i⁻¹ / Σ_j σ_j⁻¹ (ffn `calc_inv_vol_weights`, bt `WeighInvVol`), σ from `volatilityOf`;
 *   a name without a positive volatility is left out and noted;
 * - `score`: linear rank weights, the best of n names gets n parts, the next n − 1, …, the last 1 part
 *   (w_k = (n − k + 1) / (n (n + 1) / 2)), so a better score always weighs more and no weight is negative.
 */
export function weighSelection(selected: readonly Scored[], weighting: Weighting, volatilityOf: (symbol: string) => number | undefined): WeighedSelection {
  const weights = new Map<string, number>();
  const n = selected.length;
  if (n === 0) return { weights, notes: [] };
  if (weighting === 'equal') {
    for (const s of selected) weights.set(s.symbol, 1 / n);
    return { weights, notes: [] };
  }
  if (weighting === 'score') {
    const parts = (n * (n + 1)) / 2;
    selected.forEach((s, k) => weights.set(s.symbol, (n - k) / parts));
    return { weights, notes: [] };
  }
  const inverse = new Map<string, number>();
  const left: string[] = [];
  let total = 0;
  for (const s of selected) {
    const sigma = volatilityOf(s.symbol);
    if (sigma === undefined || !(sigma > 0)) {
      left.push(s.symbol);
      continue;
    }
    inverse.set(s.symbol, 1 / sigma);
    total += 1 / sigma;
  }
  for (const [symbol, value] of inverse) weights.set(symbol, value / total);
  const notes = left.length > 0 ? [`left out of inverse-volatility weights (no volatility over the lookback): ${left.join(', ')}`] : [];
  return { weights, notes };
}
