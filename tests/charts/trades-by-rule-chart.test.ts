import type { BarSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { tradesByRuleChartOption } from '../../src/charts/trades-by-rule-chart.js';

function bars(firstDate: string, lastDate: string, trades: { date: string; ruleId: string }[]) {
  const option = tradesByRuleChartOption({ title: 'Trades per rule', firstDate, lastDate, trades });
  const xAxis = option.xAxis as { data: string[] };
  const series = option.series as BarSeriesOption[];
  return { periods: xAxis.data, counts: Object.fromEntries(series.map((s) => [s.name, s.data])), subtitle: (option.title as { subtext: string }).subtext };
}

describe('tradesByRuleChartOption', () => {
  it('should count trades per rule per month, months without trades included', () => {
    const chart = bars('2024-01-02', '2024-04-30', [
      { date: '2024-01-05', ruleId: 'rebalance' },
      { date: '2024-01-19', ruleId: 'rebalance' },
      { date: '2024-03-01', ruleId: 'take_profit' },
      { date: '2024-04-30', ruleId: 'rebalance' },
    ]);
    expect(chart.periods).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(chart.counts).toEqual({ rebalance: [2, 0, 0, 1], take_profit: [0, 0, 1, 0] });
    expect(chart.subtitle).toBe('trades per month');
  });

  it('should switch to quarters, then years, when months would make too many bars', () => {
    // 1991-01 … 2000-12 is 120 months: still monthly; 1991 … 2020 is 360 months → 120 quarters
    expect(bars('1991-01-02', '2000-12-29', []).periods).toHaveLength(120);
    const quarters = bars('1991-01-02', '2020-12-31', [{ date: '2020-11-30', ruleId: 'stale' }]);
    expect(quarters.subtitle).toBe('trades per quarter');
    expect(quarters.periods.slice(0, 2)).toEqual(['1991 Q1', '1991 Q2']);
    expect(quarters.counts.stale!.at(-1)).toBe(1);
    const years = bars('1950-01-03', '2020-12-31', []);
    expect(years.subtitle).toBe('trades per year');
    expect(years.periods).toHaveLength(71);
  });
});
