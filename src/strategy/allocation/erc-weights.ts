/** How {@link ercWeights} ended: the weights, the sweeps taken, and whether it converged. */
export interface ErcResult {
  /** Fractions summing to 1, all > 0. */
  readonly weights: Float64Array;
  readonly sweeps: number;
  readonly converged: boolean;
}

/** Convergence tolerance on Σ((x − x_prev) / Σx)² between sweeps: far below ffn's 1e-8, so risk contributions agree to ~1e-12. */
const TOLERANCE = 1e-24;
const MAX_SWEEPS = 1000;

/**
 * Equal-risk-contribution weights: w ≥ 0, Σw = 1, with every risk contribution w_i (Σw)_i equal. Cyclical
 * coordinate descent of Griveau-Billion, Richard & Roncalli (2013, "A Fast Algorithm for Computing High-Dimensional
 * Risk Parity Portfolios"), as ffn's `_erc_weights_ccd` (TECH-NOTES "Allocation references"): start from inverse-vol
 * weights; for each i, x_i ← (−β + √(β² + 4 Σ_ii b_i σ(x))) / (2 Σ_ii) with β = (Σx)_i − x_i Σ_ii,
 * σ(x) = √(xᵀΣx) and b_i = 1/n; stop when Σ((x − x_prev)/Σx)² < 1e-24 (ffn stops at 1e-8, which leaves risk
 * contributions unequal in the 5th digit) or after 1000 sweeps; normalize. O(n²) per sweep.
 *
 * @param cov covariance matrix, row-major n × n, positive definite with a positive diagonal (check before calling).
 */
export function ercWeights(cov: Float64Array, n: number): ErcResult {
  const x = new Float64Array(n);
  let inverseSum = 0;
  for (let i = 0; i < n; i++) inverseSum += 1 / Math.sqrt(cov[i * n + i]!);
  for (let i = 0; i < n; i++) x[i] = 1 / Math.sqrt(cov[i * n + i]!) / inverseSum;
  const sigmaX = new Float64Array(n); // Σx
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += cov[i * n + j]! * x[j]!;
    sigmaX[i] = s;
  }
  let variance = 0;
  for (let i = 0; i < n; i++) variance += x[i]! * sigmaX[i]!;
  const previous = Float64Array.from(x);
  const b = 1 / n;
  for (let sweep = 1; sweep <= MAX_SWEEPS; sweep++) {
    for (let i = 0; i < n; i++) {
      const alpha = cov[i * n + i]!;
      const old = x[i]!;
      const beta = sigmaX[i]! - old * alpha;
      const sigma = Math.sqrt(Math.max(variance, 0));
      const next = (-beta + Math.sqrt(beta * beta + 4 * alpha * b * sigma)) / (2 * alpha);
      const delta = next - old;
      // Update Σx and xᵀΣx for the change of one coordinate: O(n).
      variance += delta * (2 * sigmaX[i]! + delta * alpha);
      for (let j = 0; j < n; j++) sigmaX[j] = sigmaX[j]! + cov[j * n + i]! * delta;
      x[i] = next;
    }
    let total = 0;
    for (let i = 0; i < n; i++) total += x[i]!;
    let change = 0;
    for (let i = 0; i < n; i++) {
      const d = (x[i]! - previous[i]!) / total;
      change += d * d;
    }
    if (change < TOLERANCE) return { weights: x.map((v) => v / total), sweeps: sweep, converged: true };
    previous.set(x);
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += x[i]!;
  return { weights: x.map((v) => v / total), sweeps: MAX_SWEEPS, converged: false };
}
