import { mean } from '../../replay/metrics/moments.js';

/**
 * Sample excess kurtosis, bias-corrected (the G2 estimator of Joanes & Gill 1998; pandas `Series.kurt()`, Excel
 * `KURT`, simple-statistics `sampleKurtosis`):
 *
 *   G2 = (n − 1) / ((n − 2)(n − 3)) × [ n (n + 1) Σd⁴ / (Σd²)² − 3 (n − 1) ],  d = x − mean(x).
 *
 * 0 for a normal distribution; fat tails give positive values. NaN with fewer than 4 values or zero variance.
 *
 * @param values the sample (daily returns).
 */
export function sampleExcessKurtosis(values: Float64Array): number {
  const n = values.length;
  if (n < 4) return NaN;
  const m = mean(values);
  let s2 = 0;
  let s4 = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - m;
    const d2 = d * d;
    s2 += d2;
    s4 += d2 * d2;
  }
  if (s2 === 0) return NaN;
  return ((n - 1) / ((n - 2) * (n - 3))) * ((n * (n + 1) * s4) / (s2 * s2) - 3 * (n - 1));
}
