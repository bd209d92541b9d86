import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { replayMetrics } from '../../../src/replay/metrics/index.js';
import { syntheticReplay } from '../../support/synthetic-replay.js';

// bt's equity for the monthly 25%-relative-band equal-weight rebalance of the Dow 30 (BT-PARITY.md), from 1,000,000.
const EQUITY_FILE = fileURLToPath(new URL('../../fixtures/reference/bt-dow30-monthly-rel25.equity.csv', import.meta.url));

function btEquity(): { dates: string[]; equity: number[] } {
  const rows = readFileSync(EQUITY_FILE, 'utf8').trim().split('\n').slice(1);
  return { dates: rows.map((row) => row.split(',')[0]!), equity: rows.map((row) => Number(row.split(',')[1])) };
}

describe('replayMetrics on bt’s equity series', () => {
  it('should give the headline figures ffn prints for bt', () => {
    const { dates, equity } = btEquity();
    const m = replayMetrics(syntheticReplay(dates, equity, { initialCapital: 1_000_000 }));
    // bt/ffn: final equity 7,791,247.466634796; total return 6.7912; max drawdown −18.56%; daily Sharpe 1.4113
    expect(m.policy.finalEquity).toBe(7_791_247.466634796);
    expect(m.policy.totalReturnPct / 100).toBeCloseTo(6.7912, 4);
    expect(m.policy.maxDrawdown.pct).toBeCloseTo(-18.56, 2);
    expect(m.policy.sharpe).toBeCloseTo(1.4113, 4);
    // ffn's CAGR: years from 1990-12-30 (bt's synthetic first row) to 2001-01-02 = 3,656 days / 365.25
    expect(m.years).toBeCloseTo(3656 / 365.25, 12);
    expect(m.policy.cagrPct).toBeCloseTo((7.791247466634796 ** (365.25 / 3656) - 1) * 100, 9);
  });
});
