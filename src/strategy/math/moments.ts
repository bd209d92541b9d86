/**
 * Arithmetic mean of `values[from..to)`. NaN for an empty range. O(n), no allocation.
 */
export function mean(values: ArrayLike<number>, from = 0, to = values.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i]!;
  return sum / (to - from);
}

/**
 * Sample variance of `values[from..to)` with Bessel's correction (ddof 1, as pandas `var()`, numpy `var(ddof=1)`
 * and simple-statistics `sampleVariance`). NaN with fewer than 2 values. Two passes for accuracy; no allocation.
 */
export function sampleVariance(values: ArrayLike<number>, from = 0, to = values.length): number {
  const n = to - from;
  if (n < 2) return NaN;
  const m = mean(values, from, to);
  let sum = 0;
  for (let i = from; i < to; i++) {
    const d = values[i]! - m;
    sum += d * d;
  }
  return sum / (n - 1);
}

/** Trading sessions per year, the annualization factor of daily statistics (ffn, empyrical, quantstats: 252). */
export const SESSIONS_PER_YEAR = 252;
