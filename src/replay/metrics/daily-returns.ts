/**
 * Daily simple returns of an equity series, r_i = V_i / V_(i−1) − 1, as fractions (0.01 = 1%).
 *
 * The series starts from `startValue`, the capital before the first session, so there is one return per session
 * and the first is V_0 / startValue − 1. ffn does the same on bt's equity (its synthetic first row), which makes
 * our Sharpe equal to bt's printed one on the same series. A session after a value of 0 or less has a return of 0:
 * nothing was invested to gain or lose.
 */
export function dailyReturns(equity: Float64Array, startValue: number): Float64Array {
  const returns = new Float64Array(equity.length);
  let previous = startValue;
  for (let i = 0; i < equity.length; i++) {
    const value = equity[i];
    returns[i] = previous > 0 ? value / previous - 1 : 0;
    previous = value;
  }
  return returns;
}
