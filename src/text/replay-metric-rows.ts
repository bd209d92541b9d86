import { fixed, money, pct } from './numbers.js';
import type { PerformanceMetrics, ReplayMetrics } from '../replay/metrics/index.js';

/** A row of the policy-against-benchmark table: label, the policy's value, the benchmark's value. */
export type ComparisonRow = readonly [label: string, policy: string, benchmark: string];

/**
 * The replay metrics as people read them, shared by the terminal summary and the HTML report: percents with one
 * decimal, ratios with two, money with cents and thousands separators, `n/a` where a ratio is undefined.
 */
export function comparisonRows(metrics: ReplayMetrics): ComparisonRow[] {
  const row = (label: string, show: (m: PerformanceMetrics) => string): ComparisonRow => [label, show(metrics.policy), show(metrics.benchmark)];
  return [
    row(`final equity ${metrics.baseCurrency}`, (m) => money(m.finalEquity)),
    row('total return', (m) => percent(m.totalReturnPct)),
    row('CAGR', (m) => percent(m.cagrPct)),
    row('volatility (annual)', (m) => percent(m.volatilityPct)),
    row('Sharpe', (m) => ratio(m.sharpe)),
    row('Sortino', (m) => ratio(m.sortino)),
    row('max drawdown', (m) => percent(m.maxDrawdown.pct)),
    row('  peak → trough', (m) => (m.maxDrawdown.peakDate ? `${m.maxDrawdown.peakDate} → ${m.maxDrawdown.troughDate}` : 'n/a')),
    row('  recovered', (m) => (m.maxDrawdown.peakDate ? (m.maxDrawdown.recoveryDate ?? 'not yet') : 'n/a')),
    row('Calmar', (m) => ratio(m.calmar)),
  ];
}

/** What the policy traded, as `[label, text]` lines: trades and costs, turnover, time invested. */
export function tradingLines(metrics: ReplayMetrics): [string, string][] {
  const t = metrics.trading;
  return [
    ['trades', `${count(t.trades)} in ${count(t.runsWithTrades)} of ${count(t.runs)} runs · commissions ${money(t.commissionsPaid)} ${metrics.baseCurrency} (${percent(t.commissionsPaidPct)} of capital)`],
    ['turnover', `${percent(t.turnover.meanPerTradingRunPct)} per run that traded · ${percent(t.turnover.annualizedPct)} a year (two-way)`],
    ['invested', `${percent(t.timeInvestedPct)} of sessions · ${percent(t.averageInvestedPct)} of equity on average`],
  ];
}

/** The per-rule table: a header row, then one row per rule (trades, buys, sells, hit rate, realized P&L). */
export function ruleRows(metrics: ReplayMetrics): { header: string[]; rows: string[][] } {
  return {
    header: ['rule', 'trades', 'buys', 'sells', 'hit rate', `realized P&L ${metrics.baseCurrency}`],
    rows: metrics.trading.rules.map((r) => [r.ruleId, count(r.trades), count(r.buys), count(r.sells), percent(r.hitRatePct), money(r.realizedPnl)]),
  };
}

/** The title of a replay: `DOW-INDEX (dow-index @ 5e1f0c2) · 1991-01-02 → 2001-01-02 · 2,529 sessions · …`. */
export function replayTitle(metrics: ReplayMetrics): string {
  return `${metrics.policyName} (${metrics.policyId} @ ${metrics.revision}) · ${replaySpan(metrics)}`;
}

/** What a replay covered and how it filled: `1991-01-02 → 2001-01-02 · 2,529 sessions · fills at next-close · risk-free 0%`. */
export function replaySpan(metrics: ReplayMetrics): string {
  return `${metrics.firstSession} → ${metrics.lastSession} · ${count(metrics.sessions)} sessions · fills at ${metrics.fill} · risk-free ${metrics.riskFreePct}%`;
}

/** A percent with one decimal, `n/a` when undefined. */
export function percent(value: number | null): string {
  return value === null ? 'n/a' : `${pct(value)}%`;
}

/** A ratio with two decimals and the minus sign, `n/a` when undefined. */
export function ratio(value: number | null): string {
  return value === null ? 'n/a' : fixed(value, 2);
}

/** A count with thousands separators. */
export function count(value: number): string {
  return value.toLocaleString('en-US');
}
