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
 * No styling by cli-table3 itself: its colours go through @colors/colors, which decides on its own (from the process's
 * terminal and `CI`) whether to emit them. Headings are coloured here instead, exactly when the caller says.
 */
const PLAIN = { head: [], border: [] };

/** Cyan text on an ANSI terminal (cli-table3 measures cells without escape codes). */
function cyan(text: string): string {
  return text === '' ? text : `\u001b[36m${text}\u001b[39m`;
}

/**
 * The terminal summary of a replay: a title line, a table of the policy against its benchmark (final equity, total
 * return, CAGR, volatility, Sharpe, Sortino, maximum drawdown with its dates, Calmar), what the policy traded
 * (trades, turnover, time invested, commissions) and a table of trades and hit rate per rule.
 */
export function formatReplaySummary(metrics: ReplayMetrics, options: ReplaySummaryOptions): string {
  const head = (labels: readonly string[]) => (options.color ? labels.map(cyan) : [...labels]);
  const comparison = new Table({ head: head(['', 'policy', 'benchmark']), style: PLAIN, chars: NO_ROW_LINES, colAligns: ['left', 'right', 'right'] });
  comparison.push(...comparisonRows(metrics).map(([label, policy, benchmark]) => ({ [label]: [policy, benchmark] })));
  const lines = [replayTitle(metrics), `benchmark: ${metrics.benchmark.label}`, comparison.toString()];
  lines.push(...tradingLines(metrics).map(([label, text]) => `${label.padEnd(10)}${text}`));
  const { header, rows } = ruleRows(metrics);
  if (rows.length > 0) {
    const rules = new Table({ head: head(header), style: PLAIN, chars: NO_ROW_LINES, colAligns: ['left', 'right', 'right', 'right', 'right', 'right'] });
    rules.push(...rows);
    lines.push(rules.toString());
  }
  return lines.join('\n');
}
