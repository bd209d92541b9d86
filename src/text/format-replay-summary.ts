import Table from 'cli-table3';
import type { ReplayMetrics } from '../replay/metrics/index.js';
import { PLAIN, type Paint } from './paint.js';
import { comparisonRows, replayTitle, ruleRows, tradingLines } from './replay-metric-rows.js';

/** Options of {@link formatReplaySummary}. */
export interface ReplaySummaryOptions {
  /** Colours for the title and the tables' headings (see `paintFor`); default none. */
  readonly paint?: Paint;
}

/** Box characters without a line between rows: the tables stay short enough to read at a glance. */
const NO_ROW_LINES = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/**
 * No styling by cli-table3 itself: its colours go through @colors/colors, which decides on its own (from the process's
 * terminal and `CI`) whether to emit them. Headings are painted here instead, exactly when the caller says (cli-table3
 * measures cells without escape codes).
 */
const UNSTYLED = { head: [], border: [] };

/**
 * The terminal summary of a replay: a title line, a table of the policy against its benchmark (final equity, total
 * return, CAGR, volatility, Sharpe, Sortino, maximum drawdown with its dates, Calmar), what the policy traded
 * (trades, turnover, time invested, commissions) and a table of trades and hit rate per rule.
 */
export function formatReplaySummary(metrics: ReplayMetrics, options: ReplaySummaryOptions = {}): string {
  const paint = options.paint ?? PLAIN;
  const head = (labels: readonly string[]) => labels.map(paint.heading);
  const comparison = new Table({ head: head(['', 'policy', 'benchmark']), style: UNSTYLED, chars: NO_ROW_LINES, colAligns: ['left', 'right', 'right'] });
  comparison.push(...comparisonRows(metrics).map(([label, policy, benchmark]) => ({ [label]: [policy, benchmark] })));
  const lines = [paint.heading(replayTitle(metrics)), `benchmark: ${metrics.benchmark.label}`, comparison.toString()];
  lines.push(...tradingLines(metrics).map(([label, text]) => `${label.padEnd(10)}${text}`));
  const { header, rows } = ruleRows(metrics);
  if (rows.length > 0) {
    const rules = new Table({ head: head(header), style: UNSTYLED, chars: NO_ROW_LINES, colAligns: ['left', 'right', 'right', 'right', 'right', 'right'] });
    rules.push(...rows);
    lines.push(rules.toString());
  }
  return lines.join('\n');
}
