import { SESSIONS_PER_YEAR } from './annualization.js';
import { mean, sampleStandardDeviation } from './moments.js';

/**
 * Annualized Sharpe ratio of daily returns: mean(r − rf_d) / std(r − rf_d, ddof 1) × √252, ffn's `calc_sharpe`
 * (its `daily_sharpe`, the figure bt prints). `dailyRiskFree` is rf_d, a daily rate as a fraction (see `dailyRate`).
 * Null when it is undefined: fewer than two returns, or returns that never vary.
 */
export function sharpeRatio(returns: Float64Array, dailyRiskFree: number): number | null {
  const std = sampleStandardDeviation(returns, dailyRiskFree);
  if (!(std > 0)) return null;
  return (mean(returns, dailyRiskFree) / std) * Math.sqrt(SESSIONS_PER_YEAR);
}
