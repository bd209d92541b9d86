/** A symbol and its signal value (a factor value or a file's score). */
export interface Scored {
  readonly symbol: string;
  readonly value: number;
}

/** How many names a strategy keeps: the best `top`, or the best 1/`quantile` of the ranked universe (rounded up). */
export interface Selection {
  readonly top?: number;
  readonly quantile?: number;
}

/**
 * Ranks scored symbols, best first, and keeps the selection. `ascending` puts the lowest value first (low
 * volatility), `descending` the highest (momentum). Ties go to the symbol earlier in the alphabet, so the result
 * never depends on input order. `{ quantile: 5 }` of 30 names keeps ceil(30 / 5) = 6. O(n log n).
 */
export function rankAndSelect(scored: readonly Scored[], direction: 'ascending' | 'descending', selection: Selection): Scored[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const ranked = [...scored].sort((a, b) => sign * (a.value - b.value) || (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
  const count = selection.top !== undefined ? selection.top : Math.ceil(ranked.length / (selection.quantile ?? 5));
  return ranked.slice(0, Math.max(0, count));
}
