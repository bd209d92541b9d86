/**
 * Compound annual growth rate as a fraction: (endValue / startValue)^(1 / years) − 1, with `years` in calendar years
 * of 365.25 days (ffn's `calc_cagr`; empyrical counts 252 sessions a year instead, vectorbt 365 days). −1 when
 * everything was lost.
 */
export function cagr(startValue: number, endValue: number, years: number): number {
  if (endValue <= 0) return -1;
  return (endValue / startValue) ** (1 / years) - 1;
}
