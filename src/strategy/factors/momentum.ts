/**
 * Price momentum P_{t−s} / P_{t−s−L} − 1: the return over `lookback` (L) sessions ending `skip` (s) sessions before
 * the decision session t. `skip: 21` with `lookback: 231` is the classic "12 − 1 month" momentum (Jegadeesh & Titman
 * 1993), which leaves out the last month's short-term reversal. A fraction; undefined when a close is missing.
 *
 * @param closes daily closes of one symbol, aligned with the price panel.
 * @param end index of the decision session t.
 */
export function momentum(closes: Float64Array, end: number, lookback: number, skip = 0): number | undefined {
  const last = end - skip;
  const first = last - lookback;
  if (first < 0 || last >= closes.length) return undefined;
  const from = closes[first]!;
  const to = closes[last]!;
  if (!(from > 0) || !(to > 0)) return undefined;
  return to / from - 1;
}
