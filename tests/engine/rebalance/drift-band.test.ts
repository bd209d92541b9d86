import { describe, expect, it } from 'vitest';
import { breachesDriftBand, driftBandPp } from '../../../src/engine/rebalance/drift-band.js';

describe('driftBandPp', () => {
  it('should take the tighter of the absolute and relative bands (note 004 §4.2 defaults 2 pp / 15%)', () => {
    expect(driftBandPp(10, 2, 15)).toBeCloseTo(1.5, 12); // 15% × 10 = 1.5 < 2
    expect(driftBandPp(80, 2, 15)).toBe(2); // 15% × 80 = 12 > 2
  });

  it('should express the 5/25 rule', () => {
    expect(driftBandPp(10, 5, 25)).toBe(2.5); // 25% × 10 = 2.5 < 5
    expect(driftBandPp(40, 5, 25)).toBe(5); // 25% × 40 = 10 > 5
  });

  it('should give a zero target a zero band', () => {
    expect(driftBandPp(0, 2, 15)).toBe(0);
  });
});

describe('breachesDriftBand', () => {
  it('should trade exactly at the band edge and not just inside it', () => {
    expect(breachesDriftBand(1.5, 1.5)).toBe(true);
    expect(breachesDriftBand(-1.5, 1.5)).toBe(true);
    expect(breachesDriftBand(11.499999999999998 - 10, 1.5)).toBe(true); // float noise at the edge
    expect(breachesDriftBand(1.49, 1.5)).toBe(false);
  });

  it('should not trade a zero drift even with a zero band', () => {
    expect(breachesDriftBand(0, 0)).toBe(false);
    expect(breachesDriftBand(0.01, 0)).toBe(true);
  });
});
