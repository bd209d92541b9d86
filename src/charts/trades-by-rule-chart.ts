import type { BarSeriesOption, EChartsOption } from 'echarts';
import { CHART_STYLE } from './chart-style.js';

/** What {@link tradesByRuleChartOption} draws. */
export interface TradesByRuleChartInput {
  readonly title: string;
  /** First and last session of the period, `YYYY-MM-DD`: periods without trades show as gaps. */
  readonly firstDate: string;
  readonly lastDate: string;
  /** One entry per trade: its fill date and the rule behind it. */
  readonly trades: readonly { readonly date: string; readonly ruleId: string }[];
}

/** The widest period that keeps the chart under this many bars: month, then quarter, then year. */
const MAX_BARS = 150;

/**
 * Trades per rule over time: one stacked bar per month (per quarter or year when the period is long), one colour per
 * rule, so a reader sees when each rule traded and how often.
 */
export function tradesByRuleChartOption(input: TradesByRuleChartInput): EChartsOption {
  const periods = periodsBetween(input.firstDate, input.lastDate);
  const index = new Map(periods.labels.map((label, i) => [label, i]));
  const rules = [...new Set(input.trades.map((t) => t.ruleId))].sort();
  const counts = new Map(rules.map((rule) => [rule, new Array<number>(periods.labels.length).fill(0)]));
  for (const trade of input.trades) {
    const i = index.get(periods.labelOf(trade.date));
    if (i !== undefined) counts.get(trade.ruleId)![i]!++;
  }
  const series: BarSeriesOption[] = rules.map((rule, k) => ({
    type: 'bar',
    name: rule,
    stack: 'trades',
    barCategoryGap: '20%',
    itemStyle: { color: CHART_STYLE.palette[k % CHART_STYLE.palette.length] },
    data: counts.get(rule)!,
  }));
  return {
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: CHART_STYLE.fontFamily, color: CHART_STYLE.text },
    title: {
      text: input.title,
      subtext: `trades per ${periods.unit}`,
      left: 12,
      top: 8,
      textStyle: { fontSize: 16, fontWeight: 'bold', color: CHART_STYLE.text },
      subtextStyle: { color: CHART_STYLE.muted },
    },
    legend: { top: 10, right: 16, data: rules, textStyle: { color: CHART_STYLE.text } },
    grid: { left: 56, right: 24, top: 72, bottom: 32 },
    xAxis: { type: 'category', data: periods.labels, axisLabel: { color: CHART_STYLE.muted, hideOverlap: true }, axisLine: { lineStyle: { color: CHART_STYLE.grid } } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: CHART_STYLE.muted }, splitLine: { lineStyle: { color: CHART_STYLE.grid } } },
    series,
  };
}

/** Calendar periods from `first` to `last`: months (`1998-07`), quarters (`1998 Q3`) or years (`1998`). */
function periodsBetween(first: string, last: string): { unit: string; labels: string[]; labelOf: (date: string) => string } {
  const [y0, m0] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
  const [y1, m1] = [Number(last.slice(0, 4)), Number(last.slice(5, 7))];
  const months = (y1 - y0) * 12 + (m1 - m0) + 1;
  const kinds = [
    { unit: 'month', size: 1, labelOf: (date: string) => date.slice(0, 7) },
    { unit: 'quarter', size: 3, labelOf: (date: string) => `${date.slice(0, 4)} Q${Math.ceil(Number(date.slice(5, 7)) / 3)}` },
    { unit: 'year', size: 12, labelOf: (date: string) => date.slice(0, 4) },
  ];
  const kind = kinds.find((k) => Math.ceil(months / k.size) + 1 <= MAX_BARS) ?? kinds[2]!;
  const labels: string[] = [];
  for (let month = y0 * 12 + m0 - 1; month <= y1 * 12 + m1 - 1; month++) {
    const label = kind.labelOf(`${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`);
    if (labels[labels.length - 1] !== label) labels.push(label);
  }
  return { unit: kind.unit, labels, labelOf: kind.labelOf };
}
