/** Arithmetic mean of `values` minus `shift` (NaN for an empty array). */
export function mean(values: Float64Array, shift = 0): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] - shift;
  return sum / values.length;
}

/**
 * Sample standard deviation (ddof 1, numpy's `std(ddof=1)`, pandas' default) of `values` minus `shift`, computed
 * in two passes for accuracy. NaN with fewer than two values.
 */
export function sampleStandardDeviation(values: Float64Array, shift = 0): number {
  const n = values.length;
  if (n < 2) return Number.NaN;
  const m = mean(values, shift);
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - shift - m;
    squares += d * d;
  }
  return Math.sqrt(squares / (n - 1));
}
