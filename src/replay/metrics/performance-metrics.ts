import { dailyRate, yearsCovered } from './annualization.js';
import { annualizedVolatility } from './annualized-volatility.js';
import { cagr } from './cagr.js';
import { dailyReturns } from './daily-returns.js';
import { maxDrawdown } from './max-drawdown.js';
import { sharpeRatio } from './sharpe-ratio.js';
import { sortinoRatio } from './sortino-ratio.js';

/** The maximum drawdown with its dates (`YYYY-MM-DD`); dates are null when the series never fell below a high. */
export interface DrawdownMetric {
  /** min(V / cummax(V) − 1) × 100, percent ≤ 0. */
  readonly pct: number;
  /** Session of the high before the trough; the first session when that high is the starting capital. */
  readonly peakDate: string | null;
  readonly troughDate: string | null;
  /** First session back at the peak's value; null if the series had not recovered by its end. */
  readonly recoveryDate: string | null;
}

/**
 * Return and risk of one equity series (the policy's or the benchmark's), each as ffn computes it for bt. Returns in
 * percent, ratios unitless, money in base currency; a ratio that is undefined (no variation, no drawdown) is null.
 */
export interface PerformanceMetrics {
  /** Equity at the last session's close. */
  readonly finalEquity: number;
  /** (V_last / V_start − 1) × 100. */
  readonly totalReturnPct: number;
  /** ((V_last / V_start)^(1 / years) − 1) × 100, years of 365.25 days (ffn). */
  readonly cagrPct: number;
  /** std(r, ddof 1) × √252 × 100 over daily simple returns r (ffn, empyrical). */
  readonly volatilityPct: number | null;
  /** mean(r − rf_d) / std(r − rf_d, ddof 1) × √252, rf_d = (1 + rf)^(1/252) − 1 (ffn's daily Sharpe). */
  readonly sharpe: number | null;
  /** mean(r − rf_d) × √252 / √(mean(min(r − rf_d, 0)²)) over all N returns (ffn, empyrical). */
  readonly sortino: number | null;
  readonly maxDrawdown: DrawdownMetric;
  /** CAGR / |max drawdown| (ffn's `calmar`). */
  readonly calmar: number | null;
}

/**
 * Computes {@link PerformanceMetrics} of `equity` (one value per session of `dates`) grown from `startValue`, the
 * capital the day before the first session. `riskFreePct` is an annual rate in percent (0 by default in replays).
 */
export function performanceMetrics(dates: readonly string[], equity: Float64Array, startValue: number, riskFreePct: number): PerformanceMetrics {
  const last = equity.length - 1;
  const finalEquity = equity[last];
  const returns = dailyReturns(equity, startValue);
  const rfDaily = dailyRate(riskFreePct);
  const growth = cagr(startValue, finalEquity, yearsCovered(dates[0], dates[last]));
  const drawdown = maxDrawdown(equity, startValue);
  const volatility = annualizedVolatility(returns);
  const fell = drawdown.troughIndex >= 0;
  return {
    finalEquity,
    totalReturnPct: (finalEquity / startValue - 1) * 100,
    cagrPct: growth * 100,
    volatilityPct: volatility === null ? null : volatility * 100,
    sharpe: sharpeRatio(returns, rfDaily),
    sortino: sortinoRatio(returns, rfDaily),
    maxDrawdown: {
      pct: drawdown.drawdown * 100,
      peakDate: fell ? dates[Math.max(drawdown.peakIndex, 0)] : null,
      troughDate: fell ? dates[drawdown.troughIndex] : null,
      recoveryDate: drawdown.recoveryIndex === null ? null : dates[drawdown.recoveryIndex],
    },
    calmar: fell ? growth / Math.abs(drawdown.drawdown) : null,
  };
}
