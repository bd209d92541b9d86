import type { LineSeriesOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { weightsChartOption } from '../../src/charts/weights-chart.js';

const DATES = ['2024-01-02', '2024-01-03', '2024-01-04'];

function bands(maxSymbols: number, maxPoints?: number, dates = DATES) {
  const option = weightsChartOption({
    title: 'Weights',
    dates,
    symbols: ['AA', 'BB', 'CC', 'DD'],
    // mean weights: AA .1, BB .4, CC .2, DD 0 (never held)
    weights: [
      Float64Array.from(dates.map(() => 0.1)),
      Float64Array.from(dates.map(() => 0.4)),
      Float64Array.from(dates.map(() => 0.2)),
      Float64Array.from(dates.map(() => 0)),
    ],
    cashWeight: Float64Array.from(dates.map(() => 0.3)),
    maxSymbols,
    ...(maxPoints === undefined ? {} : { maxPoints }),
  });
  return (option.series as LineSeriesOption[]).map((s) => ({ name: s.name, values: (s.data as [number, number][]).map(([, v]) => Math.round(v * 1e9) / 1e9) }));
}

describe('weightsChartOption', () => {
  it('should stack the largest symbols first, then the others together, then cash, to 100%', () => {
    expect(bands(2)).toEqual([
      { name: 'BB', values: [40, 40, 40] },
      { name: 'CC', values: [20, 20, 20] },
      { name: 'other (1 symbol)', values: [10, 10, 10] },
      { name: 'cash', values: [30, 30, 30] },
    ]);
  });

  it('should leave out symbols never held', () => {
    expect(bands(10).map((b) => b.name)).toEqual(['BB', 'CC', 'AA', 'cash']);
  });

  it('should draw every k-th session of a long replay, and always the last', () => {
    const dates = Array.from({ length: 1001 }, (_, i) => new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10));
    // 1,001 sessions, at most 500 points: every 3rd session (0, 3, … 999) = 334 points, plus the last = 335
    expect(bands(10, 500, dates)[0]!.values).toHaveLength(335);
  });
});
