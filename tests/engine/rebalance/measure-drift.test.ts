import { describe, expect, it } from 'vitest';
import { measureDrift } from '../../../src/engine/rebalance/measure-drift.js';
import { book, position } from './holdings-fixture.js';

const targets = new Map([['KO', 10], ['AA', 10]]);

describe('measureDrift', () => {
  it('should weigh every targeted symbol against cash plus all positions (note 004 §4.1)', () => {
    // Equity = 500 cash + KO 142 × 10 + OLD 100 × 80.8 = 500 + 1,420 + 8,080 = 10,000.
    const b = book(500, [['KO', 142, 10, 8], ['OLD', 100, 80.8], ['AA', 0, 30]]);
    const snapshot = measureDrift(b.holdings, b.prices, targets, 2, 15);
    expect(snapshot.equity).toBeCloseTo(10000, 9);
    expect(snapshot.rows).toMatchObject([
      { symbol: 'KO', value: 1420, targetWeightPct: 10, bandPp: 1.5, breachesBand: true },
      { symbol: 'AA', value: 0, liveWeightPct: 0, driftPp: -10, breachesBand: true, unrealizedGainPct: undefined },
    ]);
    expect(snapshot.rows[0]?.driftPp).toBeCloseTo(4.2, 9);
    expect(snapshot.rows[0]?.unrealizedGainPct).toBeCloseTo(25, 9); // 10 / 8 − 1
  });

  it('should reject duplicated positions, bad prices and non-positive equity', () => {
    const dup = { cash: 0, positions: [position('KO', 1, 10), position('KO', 2, 10)] };
    expect(() => measureDrift(dup, new Map([['KO', 10], ['AA', 1]]), targets, 2, 15)).toThrow(expect.objectContaining({ code: 'DUPLICATE_POSITION' }));
    const b = book(0, [['KO', 1, 0], ['AA', 1, 10]]);
    expect(() => measureDrift(b.holdings, b.prices, targets, 2, 15)).toThrow(expect.objectContaining({ code: 'INVALID_PRICE', context: { symbol: 'KO', price: 0 } }));
    const empty = book(0, [['KO', 0, 10], ['AA', 0, 10]]);
    expect(() => measureDrift(empty.holdings, empty.prices, targets, 2, 15)).toThrow(expect.objectContaining({ code: 'EQUITY_NOT_POSITIVE' }));
  });
});
