/**
 * Drawdown at every session, as a fraction ≤ 0: V_i / max(startValue, V_0 … V_i) − 1 (ffn's `to_drawdown_series`,
 * with the starting capital as the first high-water mark). 0 at a new high; −0.2 is 20% below the last high.
 */
export function drawdownSeries(equity: Float64Array, startValue: number): Float64Array {
  const drawdown = new Float64Array(equity.length);
  let peak = startValue;
  for (let i = 0; i < equity.length; i++) {
    const value = equity[i];
    if (value > peak) peak = value;
    drawdown[i] = peak > 0 ? value / peak - 1 : 0;
  }
  return drawdown;
}
