/**
 * Replay metrics: pure functions of a `ReplayResult` over `Float64Array` series, each with its formula and
 * the reference library whose definition it follows (ffn, empyrical, note 004).
 */
export { replayMetrics, type ReplayMetrics, type ReplayMetricsOptions } from './replay-metrics.js';
export { performanceMetrics, type DrawdownMetric, type PerformanceMetrics } from './performance-metrics.js';
export { tradingMetrics, type TradingMetrics } from './trading-metrics.js';
export { turnoverMetrics, type TurnoverMetrics } from './turnover-metrics.js';
export { ruleMetrics, type RuleMetrics } from './rule-metrics.js';
export { exposure, type Exposure } from './exposure.js';
export { dailyReturns } from './daily-returns.js';
export { drawdownSeries } from './drawdown-series.js';
export { maxDrawdown, type MaxDrawdown } from './max-drawdown.js';
export { annualizedVolatility } from './annualized-volatility.js';
export { sharpeRatio } from './sharpe-ratio.js';
export { sortinoRatio } from './sortino-ratio.js';
export { cagr } from './cagr.js';
export { dailyRate, yearsCovered, DAYS_PER_YEAR, SESSIONS_PER_YEAR } from './annualization.js';
