import Table from 'cli-table3';
import { money, pct } from '../engine/format-numbers.js';
import type { PerformanceMetrics, ReplayMetrics } from '../replay/metrics/index.js';

/** Options of {@link formatReplaySummary}. */
export interface ReplaySummaryOptions {
  /** Colour the table's headings (see `useColor`); plain text otherwise. */
  readonly color: boolean;
}

/**
 * The terminal summary of a replay: a title line, a table of the policy against its benchmark (final equity, total
 * return, CAGR, volatility, Sharpe, Sortino, maximum drawdown with its dates, Calmar), what the policy traded
 * (trades, turnover, time invested, commissions) and a table of trades and hit rate per rule.
 */
export function formatReplaySummary(metrics: ReplayMetrics, options: ReplaySummaryOptions): string {
  const style = options.color ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] };
  const { policy, benchmark, trading } = metrics;
  const comparison = new Table({ head: ['', 'policy', 'benchmark'], style, chars: NO_ROW_LINES, colAligns: ['left', 'right', 'right'] });
  comparison.push(...performanceRows(policy, benchmark, metrics.baseCurrency).map(([label, a, b]) => ({ [label]: [a, b] })));
  const lines = [
    `${metrics.policyName} (${metrics.policyId} @ ${metrics.revision}) · ${metrics.firstSession} → ${metrics.lastSession} · ${count(metrics.sessions)} sessions · fills at ${metrics.fill} · risk-free ${metrics.riskFreePct}%`,
    `benchmark: ${benchmark.label}`,
    comparison.toString(),
    `trades    ${count(trading.trades)} in ${count(trading.runsWithTrades)} of ${count(trading.runs)} runs · commissions ${money(trading.commissionsPaid)} ${metrics.baseCurrency} (${pct(trading.commissionsPaidPct)}% of capital)`,
    `turnover  ${pct(trading.turnover.meanPerTradingRunPct)}% per run that traded · ${pct(trading.turnover.annualizedPct)}% a year (two-way)`,
    `invested  ${pct(trading.timeInvestedPct)}% of sessions · ${pct(trading.averageInvestedPct)}% of equity on average`,
  ];
  if (trading.rules.length > 0) {
    const rules = new Table({
      head: ['rule', 'trades', 'buys', 'sells', 'hit rate', `realized P&L ${metrics.baseCurrency}`],
      style,
      chars: NO_ROW_LINES,
      colAligns: ['left', 'right', 'right', 'right', 'right', 'right'],
    });
    for (const rule of trading.rules) {
      rules.push([rule.ruleId, count(rule.trades), count(rule.buys), count(rule.sells), rule.hitRatePct === null ? 'n/a' : `${pct(rule.hitRatePct)}%`, money(rule.realizedPnl)]);
    }
    lines.push(rules.toString());
  }
  return lines.join('\n');
}

/** Box characters without a line between rows: the tables stay short enough to read at a glance. */
const NO_ROW_LINES = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/** The comparison rows: label, policy value, benchmark value, as people read them. */
function performanceRows(policy: PerformanceMetrics, benchmark: PerformanceMetrics, currency: string): [string, string, string][] {
  const row = (label: string, show: (m: PerformanceMetrics) => string): [string, string, string] => [label, show(policy), show(benchmark)];
  return [
    row(`final equity ${currency}`, (m) => money(m.finalEquity)),
    row('total return', (m) => `${pct(m.totalReturnPct)}%`),
    row('CAGR', (m) => `${pct(m.cagrPct)}%`),
    row('volatility (annual)', (m) => percentOrNa(m.volatilityPct)),
    row('Sharpe', (m) => ratio(m.sharpe)),
    row('Sortino', (m) => ratio(m.sortino)),
    row('max drawdown', (m) => `${pct(m.maxDrawdown.pct)}%`),
    row('  peak → trough', (m) => (m.maxDrawdown.peakDate ? `${m.maxDrawdown.peakDate} → ${m.maxDrawdown.troughDate}` : 'n/a')),
    row('  recovered', (m) => (m.maxDrawdown.peakDate ? (m.maxDrawdown.recoveryDate ?? 'not yet') : 'n/a')),
    row('Calmar', (m) => ratio(m.calmar)),
  ];
}

function percentOrNa(value: number | null): string {
  return value === null ? 'n/a' : `${pct(value)}%`;
}

function ratio(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(2).replace('-', '−');
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}
