import { describe, expect, it } from 'vitest';
import { reconcilePositions } from '../../src/portfolio/reconcile-positions.js';
import { seedAccount } from '../../src/portfolio/seed-account.js';

const account = seedAccount({
  accountId: 'paper', baseCurrency: 'USD', at: '2026-11-01T00:00:00.000Z',
  holdings: { cash: 0, positions: [{ symbol: 'AAA', quantity: 100, averageCost: 10, openedDate: '2026-10-01' }] },
});

describe('reconcilePositions', () => {
  it('should not report a difference exactly at the threshold, and report one just above it', () => {
    const at = reconcilePositions(account, { file: 'b.csv', positions: [{ symbol: 'AAA', quantity: 99 }] }, () => 10, 1);
    expect(at).toMatchObject({ differences: 0, positions: [{ symbol: 'AAA', quantityDiff: -1, quantityDiffPct: 1, valueDiff: -10, valueDiffPct: 1, overThreshold: false }] });
    const above = reconcilePositions(account, { file: 'b.csv', positions: [{ symbol: 'AAA', quantity: 98 }] }, () => 10, 1);
    expect(above).toMatchObject({ differences: 1, positions: [{ quantityDiffPct: 2, overThreshold: true }] });
  });

  it('should count a symbol held on one side only as 100% different, and compare cash only when the export lists it', () => {
    const result = reconcilePositions(account, { file: 'b.csv', positions: [{ symbol: 'AAA', quantity: 100 }, { symbol: 'BBB', quantity: 5 }] }, (s) => (s === 'BBB' ? 20 : 10), 1);
    expect(result.positions.map((p) => [p.symbol, p.quantityDiffPct, p.valueDiff])).toEqual([['AAA', 0, 0], ['BBB', 100, 100]]);
    expect(result.cash).toBeUndefined();
    expect(result.equity).toBe(1000);
  });
});
