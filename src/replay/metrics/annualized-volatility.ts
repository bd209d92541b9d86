import { SESSIONS_PER_YEAR } from './annualization.js';
import { sampleStandardDeviation } from './moments.js';

/**
 * Annualized volatility of daily simple returns, as a fraction: std(r, ddof 1) × √252 (ffn's `daily_vol`, empyrical's
 * `annual_volatility`, quantstats' `volatility`). Null with fewer than two returns.
 */
export function annualizedVolatility(returns: Float64Array): number | null {
  const std = sampleStandardDeviation(returns);
  return Number.isNaN(std) ? null : std * Math.sqrt(SESSIONS_PER_YEAR);
}
