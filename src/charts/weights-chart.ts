import type { EChartsOption, LineSeriesOption } from 'echarts';
import { CHART_STYLE, sessionTime } from './chart-style.js';

/** What {@link weightsChartOption} draws. */
export interface WeightsChartInput {
  readonly title: string;
  /** Sessions, `YYYY-MM-DD`, oldest first. */
  readonly dates: readonly string[];
  readonly symbols: readonly string[];
  /** `weights[j][i]`: live weight (0..1) of `symbols[j]` at session i. */
  readonly weights: readonly Float64Array[];
  /** Cash weight (cash / equity, 0..1) per session. */
  readonly cashWeight: Float64Array;
  /** Symbols drawn on their own, the largest by mean weight; the rest are stacked as "other". Default 30. */
  readonly maxSymbols?: number;
  /** At most this many sessions are drawn, every k-th one, so a long replay stays a light picture. Default 300. */
  readonly maxPoints?: number;
}

/**
 * Weights over time as stacked areas summing to 100%: the largest symbols by mean weight, then "other (n symbols)",
 * then cash on top. Every band uses the same sessions (a stride, not a per-series sampling) so the stack stays exact.
 */
export function weightsChartOption(input: WeightsChartInput): EChartsOption {
  const maxSymbols = input.maxSymbols ?? 30;
  const sessions = input.dates.length;
  const stride = Math.max(1, Math.ceil(sessions / (input.maxPoints ?? 300)));
  const picked: number[] = [];
  for (let i = 0; i < sessions; i += stride) picked.push(i);
  if (picked[picked.length - 1] !== sessions - 1) picked.push(sessions - 1);
  const times = picked.map((i) => sessionTime(input.dates[i]!));

  const means = input.weights.map(meanOf);
  const held = input.symbols.map((_, j) => j).filter((j) => means[j]! > 0);
  const order = held.sort((a, b) => means[b]! - means[a]!);
  const shown = order.slice(0, maxSymbols);
  const rest = order.slice(maxSymbols);
  const bands: { label: string; colour: string; values: (i: number) => number }[] = shown.map((j, k) => ({
    label: input.symbols[j]!,
    colour: CHART_STYLE.palette[k % CHART_STYLE.palette.length]!,
    values: (i) => input.weights[j]![i]!,
  }));
  if (rest.length > 0) {
    bands.push({ label: `other (${rest.length} ${rest.length === 1 ? 'symbol' : 'symbols'})`, colour: CHART_STYLE.other, values: (i) => rest.reduce((sum, j) => sum + input.weights[j]![i]!, 0) });
  }
  bands.push({ label: 'cash', colour: CHART_STYLE.cash, values: (i) => input.cashWeight[i]! });

  // about 14 legend entries fit on a line of a 1,100-pixel chart
  const legendRows = Math.ceil(bands.length / 14);
  const series: LineSeriesOption[] = bands.map((band) => ({
    type: 'line',
    name: band.label,
    stack: 'weights',
    showSymbol: false,
    lineStyle: { width: 0 },
    areaStyle: { color: band.colour, opacity: 0.9 },
    itemStyle: { color: band.colour },
    data: picked.map((i, p) => [times[p]!, Math.max(0, band.values(i)) * 100]),
  }));
  return {
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: CHART_STYLE.fontFamily, color: CHART_STYLE.text },
    title: { text: input.title, left: 12, top: 8, textStyle: { fontSize: 16, fontWeight: 'bold', color: CHART_STYLE.text } },
    legend: { type: 'plain', top: 36, left: 12, right: 12, itemGap: 14, icon: 'rect', itemWidth: 12, itemHeight: 12, data: bands.map((b) => b.label), textStyle: { color: CHART_STYLE.text } },
    grid: { left: 56, right: 24, top: legendRows * 24 + 64, bottom: 32 },
    xAxis: {
      type: 'time',
      min: times[0],
      max: times[times.length - 1],
      axisLabel: { color: CHART_STYLE.muted, hideOverlap: true },
      axisLine: { lineStyle: { color: CHART_STYLE.grid } },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      axisLabel: { color: CHART_STYLE.muted, formatter: '{value}%' },
      splitLine: { lineStyle: { color: CHART_STYLE.grid } },
    },
    series,
  };
}

function meanOf(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return values.length > 0 ? sum / values.length : 0;
}
