import { sessionTime } from '../../charts/chart-style.js';
import { equityChartOption } from '../../charts/equity-chart.js';
import { renderSvg } from '../../charts/render-svg.js';
import { tradesByRuleChartOption } from '../../charts/trades-by-rule-chart.js';
import { weightsChartOption } from '../../charts/weights-chart.js';
import { fixed, money, pct } from '../../text/numbers.js';
import { comparisonRows, replaySpan, ruleRows, tradingLines } from '../../text/replay-metric-rows.js';
import { drawdownSeries, type ReplayMetrics } from '../metrics/index.js';
import type { ReplayResult } from '../replay-result.js';
import { escapeHtml } from './escape-html.js';
import { REPORT_CSS } from './report-styles.js';
import { tradesTableHtml } from './trades-table-html.js';

/** Chart sizes in CSS pixels; the SVGs scale to the page width. */
const EQUITY_SIZE = { width: 1140, height: 520 };
const WEIGHTS_SIZE = { width: 1140, height: 400 };
const TRADES_SIZE = { width: 1140, height: 340 };

/**
 * The replay report: one self-contained HTML page (no script, no network: a Content-Security-Policy forbids
 * loading anything) with headline figures, equity against the benchmark with both drawdowns, the metrics table,
 * weights over time (stacked), trades per rule over time and the trades list. Charts are ECharts SVG rendered here
 * and inlined; every text taken from the policy or the data is escaped.
 */
export async function replayReportHtml(result: ReplayResult, metrics: ReplayMetrics): Promise<string> {
  const name = escapeHtml(result.policyName);
  const [equitySvg, weightsSvg, tradesSvg] = await Promise.all([
    renderSvg(
      equityChartOption({
        title: `Equity (${result.baseCurrency}) and drawdown`,
        times: result.dates.map(sessionTime),
        curves: [
          { label: 'policy', equity: result.equity, drawdown: drawdownSeries(result.equity, result.initialCapital) },
          { label: 'benchmark', equity: result.benchmark.equity, drawdown: drawdownSeries(result.benchmark.equity, result.initialCapital) },
        ],
      }),
      EQUITY_SIZE,
    ),
    renderSvg(
      weightsChartOption({ title: 'Weights over time', dates: result.dates, symbols: result.symbols, weights: result.weights, cashWeight: cashWeight(result) }),
      WEIGHTS_SIZE,
    ),
    result.fills.length === 0
      ? Promise.resolve(null)
      : renderSvg(
          tradesByRuleChartOption({ title: 'Trades per rule', firstDate: result.dates[0]!, lastDate: result.dates[result.dates.length - 1]!, trades: result.fills }),
          TRADES_SIZE,
        ),
  ]);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Replay · ${name} · ${metrics.firstSession} → ${metrics.lastSession}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header>
<h1>${name}</h1>
<p class="sub">${escapeHtml(`${result.policyId} @ ${result.revision} · ${replaySpan(metrics)}`)}<br>prices ${escapeHtml(result.pricesFile)} · initial capital ${money(result.initialCapital)} ${escapeHtml(result.baseCurrency)} · benchmark: ${escapeHtml(result.benchmark.label)}</p>
</header>
${headlineCards(metrics)}
<section id="equity"><figure class="chart" data-chart="equity">${equitySvg}</figure></section>
<section id="metrics"><h2>Metrics</h2>${metricsHtml(metrics)}</section>
<section id="weights"><figure class="chart" data-chart="weights">${weightsSvg}</figure></section>
<section id="trades-per-rule">${tradesSvg === null ? '<h2>Trades per rule</h2><p class="note">No trades.</p>' : `<figure class="chart" data-chart="trades">${tradesSvg}</figure>`}</section>
<section id="trade-list"><h2>Trades</h2>${tradesTableHtml(result.fills, result.baseCurrency)}</section>
<footer>Daily simple returns; volatility, Sharpe and Sortino annualized with √252; CAGR over calendar years of 365.25 days; turnover two-way, (buys + sells) / equity. Formulas and sources: README, “Replay metrics”.</footer>
</main>
</body>
</html>
`;
}

/** The headline figures a reader looks at first, each with the benchmark's beside it. */
function headlineCards(metrics: ReplayMetrics): string {
  const { policy, benchmark } = metrics;
  const card = (label: string, value: string, vs: string, tone: 'up' | 'down' | '') =>
    `<div class="card"><div class="label">${label}</div><div class="value ${tone}">${value}</div><div class="vs">${vs}</div></div>`;
  const signed = (v: number) => (v >= 0 ? 'up' : 'down');
  const ratio = (v: number | null) => (v === null ? 'n/a' : fixed(v, 2));
  return `<section class="cards">${[
    card('total return', `${pct(policy.totalReturnPct)}%`, `benchmark ${pct(benchmark.totalReturnPct)}%`, signed(policy.totalReturnPct)),
    card('CAGR', `${pct(policy.cagrPct)}%`, `benchmark ${pct(benchmark.cagrPct)}%`, signed(policy.cagrPct)),
    card('max drawdown', `${pct(policy.maxDrawdown.pct)}%`, `benchmark ${pct(benchmark.maxDrawdown.pct)}%`, policy.maxDrawdown.pct < 0 ? 'down' : ''),
    card('Sharpe', ratio(policy.sharpe), `benchmark ${ratio(benchmark.sharpe)}`, ''),
    card('trades', metrics.trading.trades.toLocaleString('en-US'), `turnover ${pct(metrics.trading.turnover.annualizedPct)}% a year`, ''),
  ].join('')}</section>`;
}

/** The metrics table (policy against benchmark), the trading lines and the per-rule table. */
function metricsHtml(metrics: ReplayMetrics): string {
  const comparison = comparisonRows(metrics)
    .map(([label, policy, benchmark]) => {
      const indent = label.startsWith(' ') ? ' style="padding-left:26px"' : '';
      return `<tr><td${indent}>${escapeHtml(label.trim())}</td><td class="num">${escapeHtml(policy)}</td><td class="num">${escapeHtml(benchmark)}</td></tr>`;
    })
    .join('');
  const lines = tradingLines(metrics)
    .map(([label, text]) => `<li><b>${escapeHtml(label)}</b> ${escapeHtml(text)}</li>`)
    .join('');
  const rules = ruleRows(metrics);
  const rulesTable =
    rules.rows.length === 0
      ? ''
      : `<table class="rules"><thead><tr>${rules.header.map((h, i) => `<th${i > 0 ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rules.rows
          .map((row) => `<tr>${row.map((cell, i) => `<td${i > 0 ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`;
  return `<table class="metrics"><thead><tr><th></th><th class="num">policy</th><th class="num">benchmark</th></tr></thead><tbody>${comparison}</tbody></table><ul class="lines">${lines}</ul>${rulesTable}`;
}

/** Cash as a share of equity per session (0 where equity is 0). */
function cashWeight(result: ReplayResult): Float64Array {
  const weights = new Float64Array(result.dates.length);
  for (let i = 0; i < weights.length; i++) weights[i] = result.equity[i]! > 0 ? result.cash[i]! / result.equity[i]! : 0;
  return weights;
}
