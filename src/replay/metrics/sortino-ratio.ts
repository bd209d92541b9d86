import { SESSIONS_PER_YEAR } from './annualization.js';
import { mean } from './moments.js';

/**
 * Annualized Sortino ratio of daily returns against a minimum acceptable daily return `dailyTarget` (the daily
 * risk-free rate): mean(r − T) × √252 / √(mean(min(r − T, 0)²)). The downside deviation averages over all N returns,
 * the ones above the target counting as 0, as ffn's `calc_sortino_ratio` and empyrical's `sortino_ratio` do (not over
 * the negative returns only). Null when no return falls below the target, or there are none.
 */
export function sortinoRatio(returns: Float64Array, dailyTarget: number): number | null {
  let downsideSquares = 0;
  for (let i = 0; i < returns.length; i++) {
    const shortfall = Math.min(returns[i] - dailyTarget, 0);
    downsideSquares += shortfall * shortfall;
  }
  const downsideDeviation = Math.sqrt(downsideSquares / returns.length);
  if (!(downsideDeviation > 0)) return null;
  return (mean(returns, dailyTarget) / downsideDeviation) * Math.sqrt(SESSIONS_PER_YEAR);
}
