import { drawdownSeries } from '../replay/metrics/drawdown-series.js';
import { equityChartOption } from './equity-chart.js';
import { renderPng } from './render-png.js';
import type { ChartSize } from './render-svg.js';

/** The size of the picture Telegram's `/report` sends: 1200 × 600 pixels, shown full width on a phone. */
export const EQUITY_PNG_SIZE: ChartSize = { width: 1200, height: 600 };

/**
 * A PNG of an account's equity over time with its drawdown underneath: the report's equity chart, drawn for one
 * curve. `points` are oldest first (`at` ISO 8601, `equity` in base currency); the drawdown runs from the first.
 */
export async function equityHistoryPng(title: string, points: readonly { readonly at: string; readonly equity: number }[]): Promise<Buffer> {
  const equity = Float64Array.from(points, (p) => p.equity);
  const option = equityChartOption({
    title,
    times: points.map((p) => Date.parse(p.at)),
    curves: [{ label: 'equity', equity, drawdown: drawdownSeries(equity, equity[0] ?? 0) }],
  });
  return renderPng(option, EQUITY_PNG_SIZE);
}
