import type { EChartsOption, LineSeriesOption } from 'echarts';
import { CHART_STYLE, compactAmount } from './chart-style.js';

/** One equity curve to draw, aligned with the chart's `times`. */
export interface EquityCurve {
  /** Legend text: "policy", "benchmark: buy and hold of the starting holdings". */
  readonly label: string;
  /** Equity per session, base currency. */
  readonly equity: Float64Array;
  /** Drawdown per session as a fraction ≤ 0 (see `drawdownSeries`). */
  readonly drawdown: Float64Array;
}

/** What {@link equityChartOption} draws. */
export interface EquityChartInput {
  /** Chart title; say the currency in it ("Equity (USD) and drawdown"). */
  readonly title: string;
  /** When each value stands, milliseconds since the epoch, oldest first (`sessionTime` turns a session date into one). */
  readonly times: readonly number[];
  /** The first curve is the account or policy (solid, its drawdown filled); later ones are comparisons (dashed). */
  readonly curves: readonly EquityCurve[];
}

/**
 * The equity chart: equity over time on top and drawdown (percent below the running high) underneath, on one shared
 * date axis. The replay report draws the policy against its benchmark with it; Telegram's `/report` draws the paper
 * account alone. Long series are thinned for drawing with ECharts' largest-triangle sampling, which keeps peaks.
 */
export function equityChartOption(input: EquityChartInput): EChartsOption {
  const times = input.times;
  const colour = (i: number) => (i === 0 ? CHART_STYLE.policy : CHART_STYLE.benchmark);
  const equitySeries: LineSeriesOption[] = input.curves.map((curve, i) => ({
    type: 'line',
    name: curve.label,
    xAxisIndex: 0,
    yAxisIndex: 0,
    showSymbol: false,
    sampling: 'lttb',
    lineStyle: { width: i === 0 ? 2 : 1.5, type: i === 0 ? 'solid' : 'dashed', color: colour(i) },
    itemStyle: { color: colour(i) },
    data: pairs(times, curve.equity, 1),
  }));
  const drawdownSeries: LineSeriesOption[] = input.curves.map((curve, i) => ({
    type: 'line',
    name: i === 0 ? 'drawdown' : `${curve.label} drawdown`,
    xAxisIndex: 1,
    yAxisIndex: 1,
    showSymbol: false,
    sampling: 'lttb',
    lineStyle: { width: 1, type: i === 0 ? 'solid' : 'dashed', color: i === 0 ? CHART_STYLE.drawdown : CHART_STYLE.benchmark },
    itemStyle: { color: i === 0 ? CHART_STYLE.drawdown : CHART_STYLE.benchmark },
    ...(i === 0 ? { areaStyle: { color: CHART_STYLE.drawdown, opacity: 0.25 } } : {}),
    data: pairs(times, curve.drawdown, 100),
  }));
  const xAxis = (gridIndex: number, showLabels: boolean) => ({
    type: 'time' as const,
    gridIndex,
    min: times[0],
    max: times[times.length - 1],
    axisLabel: { show: showLabels, color: CHART_STYLE.muted, hideOverlap: true },
    axisLine: { lineStyle: { color: CHART_STYLE.grid } },
    splitLine: { show: false },
  });
  return {
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: CHART_STYLE.fontFamily, color: CHART_STYLE.text },
    title: [
      { text: input.title, left: 12, top: 8, textStyle: { fontSize: 16, fontWeight: 'bold', color: CHART_STYLE.text } },
      { text: 'drawdown', left: 12, top: '65%', textStyle: { fontSize: 12, fontWeight: 'normal', color: CHART_STYLE.muted } },
    ],
    legend: { show: input.curves.length > 1, top: 10, right: 16, data: input.curves.map((c) => c.label), textStyle: { color: CHART_STYLE.text } },
    grid: [
      { left: 72, right: 24, top: 48, bottom: '36%' },
      { left: 72, right: 24, top: '70%', bottom: 32 },
    ],
    xAxis: [xAxis(0, false), xAxis(1, true)],
    yAxis: [
      {
        type: 'value',
        gridIndex: 0,
        scale: true,
        axisLabel: { color: CHART_STYLE.muted, formatter: (value: number) => compactAmount(value) },
        splitLine: { lineStyle: { color: CHART_STYLE.grid } },
      },
      {
        type: 'value',
        gridIndex: 1,
        max: 0,
        axisLabel: { color: CHART_STYLE.muted, formatter: (value: number) => `${Number(value.toFixed(1))}%` },
        splitLine: { lineStyle: { color: CHART_STYLE.grid } },
      },
    ],
    series: [...equitySeries, ...drawdownSeries],
  };
}

/** [time, value × scale] pairs for a time axis. */
function pairs(times: readonly number[], values: Float64Array, scale: number): [number, number][] {
  const data = new Array<[number, number]>(times.length);
  for (let i = 0; i < times.length; i++) data[i] = [times[i]!, values[i]! * scale];
  return data;
}
