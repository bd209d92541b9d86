import { describe, expect, it } from 'vitest';
import { replayMetrics } from '../../src/replay/metrics/index.js';
import { formatReplaySummary } from '../../src/text/format-replay-summary.js';
import { COLORED } from '../../src/text/paint.js';
import { useColor } from '../../src/text/use-color.js';
import { fill, syntheticReplay } from '../support/synthetic-replay.js';

const DATES = ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05'];

function metrics() {
  return replayMetrics(
    syntheticReplay(DATES, [1000, 1100, 990, 1050], {
      initialCapital: 1000,
      benchmark: { label: 'buy and hold of the starting holdings', equity: Float64Array.from([1000, 1010, 1020, 1030]) },
      runs: [{ date: '2024-01-02', at: '2024-01-02T21:00:00.000Z', scheduleIds: [], trades: 2, turnover: 0.2, proposals: [] }],
      fills: [fill({ ruleId: 'take_profit', side: 'sell', realizedPnl: 25, commission: 1 }), fill()],
    }),
  );
}

describe('formatReplaySummary', () => {
  it('should put the policy beside its benchmark, row by row', () => {
    const text = formatReplaySummary(metrics());
    expect(text).toContain('benchmark: buy and hold of the starting holdings');
    expect(text).toMatch(/│\s+│\s+policy\s+│\s+benchmark\s+│/);
    // total return: policy 1,050 / 1,000 − 1 = 5.0%, benchmark 3.0%
    expect(text).toMatch(/total return\s+│\s+5\.0%\s+│\s+3\.0%/);
    // drawdown: 990 / 1,100 − 1 = −10.0%, from 01-03 to 01-04, not recovered; the benchmark never fell
    expect(text).toMatch(/max drawdown\s+│\s+−10\.0%\s+│\s+0\.0%/);
    expect(text).toMatch(/peak → trough\s+│\s+2024-01-03 → 2024-01-04\s+│\s+n\/a/);
    expect(text).toMatch(/recovered\s+│\s+not yet/);
  });

  it('should list trades and hit rate per rule', () => {
    const text = formatReplaySummary(metrics());
    expect(text).toContain('trades    2 in 1 of 1 runs · commissions 1.00 USD');
    expect(text).toMatch(/take_profit\s+│\s+1\s+│\s+0\s+│\s+1\s+│\s+100\.0%\s+│\s+25\.00/);
    expect(text).toMatch(/rebalance\s+│\s+1\s+│\s+1\s+│\s+0\s+│\s+n\/a/);
  });

  it('should write no escape codes without colour, and colour the headings with it', () => {
    expect(formatReplaySummary(metrics())).not.toContain('\u001b[');
    expect(formatReplaySummary(metrics(), { paint: COLORED })).toContain('\u001b[');
  });
});

describe('useColor', () => {
  it('should colour only a terminal without NO_COLOR', () => {
    expect(useColor(true, {})).toBe(true);
    expect(useColor(false, {})).toBe(false);
    expect(useColor(undefined, {})).toBe(false);
    expect(useColor(true, { NO_COLOR: '1' })).toBe(false);
    expect(useColor(true, { NO_COLOR: '' })).toBe(true);
  });
});
