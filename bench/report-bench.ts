import { equityHistoryPng } from '../src/charts/equity-history-png.js';
import { replayMetrics } from '../src/replay/metrics/index.js';
import { replayReportHtml } from '../src/replay/report/replay-report-html.js';
import { btReplay } from './bt-dow30-replay.js';

/**
 * The replay report of the Dow 30 over 10 years (2,529 sessions, 30 symbols, 1,290 trades): metrics and the whole
 * HTML page with its three ECharts SVG charts, in memory. ECharts is imported before timing starts.
 */
export async function benchReplayReport(): Promise<() => Promise<unknown>> {
  const result = btReplay();
  await replayReportHtml(result, replayMetrics(result));
  return () => replayReportHtml(result, replayMetrics(result));
}

/** Telegram's `/report` picture: 2,529 equity points to a 1200 × 600 PNG through ECharts' SVG and resvg. */
export async function benchEquityPng(): Promise<() => Promise<unknown>> {
  const result = btReplay();
  const points = result.dates.map((date, i) => ({ at: `${date}T21:00:00.000Z`, equity: result.equity[i]! }));
  await equityHistoryPng('paper-dow equity (USD)', points);
  return () => equityHistoryPng('paper-dow equity (USD)', points);
}
