import Table from 'cli-table3';
import type { ReplayMetrics } from '../replay/metrics/index.js';
import { comparisonRows, replayTitle, ruleRows, tradingLines } from './replay-metric-rows.js';

/** Options of {@link formatReplaySummary}. */
export interface ReplaySummaryOptions {
  /** Colour the table's headings (see `useColor`); plain text otherwise. */
  readonly color: boolean;
}

/** Box characters without a line between rows: the tables stay short enough to read at a glance. */
const NO_ROW_LINES = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/**
 * The terminal summary of a replay: a title line, a table of the policy against its benchmark (final equity, total
 * return, CAGR, volatility, Sharpe, Sortino, maximum drawdown with its dates, Calmar), what the policy traded
 * (trades, turnover, time invested, commissions) and a table of trades and hit rate per rule.
 */
export function formatReplaySummary(metrics: ReplayMetrics, options: ReplaySummaryOptions): string {
  const style = options.color ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] };
  const comparison = new Table({ head: ['', 'policy', 'benchmark'], style, chars: NO_ROW_LINES, colAligns: ['left', 'right', 'right'] });
  comparison.push(...comparisonRows(metrics).map(([label, policy, benchmark]) => ({ [label]: [policy, benchmark] })));
  const lines = [replayTitle(metrics), `benchmark: ${metrics.benchmark.label}`, comparison.toString()];
  lines.push(...tradingLines(metrics).map(([label, text]) => `${label.padEnd(10)}${text}`));
  const { header, rows } = ruleRows(metrics);
  if (rows.length > 0) {
    const rules = new Table({ head: header, style, chars: NO_ROW_LINES, colAligns: ['left', 'right', 'right', 'right', 'right', 'right'] });
    rules.push(...rows);
    lines.push(rules.toString());
  }
  return lines.join('\n');
}
