/**
 * The deepest fall from a high-water mark, and when it happened. Indexes are sessions of the series; −1 means the
 * starting capital, before the first session.
 */
export interface MaxDrawdown {
  /** min(V / cummax(V) − 1) as a fraction ≤ 0 (ffn's `calc_max_drawdown`, empyrical's `max_drawdown`); 0 if never below a high. */
  readonly drawdown: number;
  /** Session of the high before the trough (−1: the starting capital). */
  readonly peakIndex: number;
  /** Session of the lowest point (−1 when there was no drawdown). */
  readonly troughIndex: number;
  /** First session after the trough back at or above the peak's value; null if it never recovered. */
  readonly recoveryIndex: number | null;
}

/**
 * Finds the maximum drawdown of `equity` starting from `startValue`, in one pass. When two drawdowns are equally
 * deep the first one counts.
 */
export function maxDrawdown(equity: Float64Array, startValue: number): MaxDrawdown {
  let peak = startValue;
  let peakIndex = -1;
  let worst = 0;
  let worstPeakIndex = -1;
  let troughIndex = -1;
  for (let i = 0; i < equity.length; i++) {
    const value = equity[i];
    if (value > peak) {
      peak = value;
      peakIndex = i;
    } else if (peak > 0 && value / peak - 1 < worst) {
      worst = value / peak - 1;
      worstPeakIndex = peakIndex;
      troughIndex = i;
    }
  }
  if (troughIndex < 0) return { drawdown: 0, peakIndex: -1, troughIndex: -1, recoveryIndex: null };
  const peakValue = worstPeakIndex < 0 ? startValue : equity[worstPeakIndex];
  let recoveryIndex: number | null = null;
  for (let i = troughIndex + 1; i < equity.length; i++) {
    if (equity[i] >= peakValue) {
      recoveryIndex = i;
      break;
    }
  }
  return { drawdown: worst, peakIndex: worstPeakIndex, troughIndex, recoveryIndex };
}
