/**
 * Simple daily returns r_t = P_t / P_{t−1} − 1 over the `count` sessions ending at `end` (inclusive), i.e. from the
 * closes `closes[end − count .. end]`, oldest first. Returns undefined when the window starts before the first close
 * or any close in it is missing (NaN) or not positive: a factor is never computed on a gap.
 *
 * @param closes daily closes of one symbol, base currency, aligned with the price panel's dates.
 * @param end index of the decision session in `closes`.
 * @param count number of returns wanted (≥ 1); needs `count + 1` closes.
 * @param out optional buffer of length ≥ `count` to fill instead of allocating (hot loops reuse one); the result is
 *   its first `count` values.
 */
export function dailyReturns(closes: Float64Array, end: number, count: number, out?: Float64Array): Float64Array | undefined {
  const start = end - count;
  if (start < 0 || end >= closes.length) return undefined;
  const returns = out === undefined ? new Float64Array(count) : out.length === count ? out : out.subarray(0, count);
  let previous = closes[start]!;
  if (!(previous > 0)) return undefined;
  for (let i = 0; i < count; i++) {
    const close = closes[start + 1 + i]!;
    if (!(close > 0)) return undefined;
    returns[i] = close / previous - 1;
    previous = close;
  }
  return returns;
}
