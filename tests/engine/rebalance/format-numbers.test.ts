import { describe, expect, it } from 'vitest';
import { formatPct, formatSignedPp, roundQuantity } from '../../../src/engine/rebalance/format-numbers.js';
import { roundMoney } from '../../../src/util/round.js';

describe('roundMoney', () => {
  it('should round half away from zero to cents', () => {
    expect(roundMoney(1.005)).toBe(1.01);
    expect(roundMoney(0.335 * 3)).toBe(1.01); // 1.0050000000000001 in floats
    expect(roundMoney(-2.345)).toBe(-2.35);
    expect(roundMoney(399.99)).toBe(399.99);
  });
});

describe('roundQuantity', () => {
  it('should keep whole shares and round steps to their decimals', () => {
    expect(roundQuantity(13, 1)).toBe(13);
    expect(roundQuantity(3, 0.1)).toBe(0.3);
    expect(roundQuantity(13333, 0.001)).toBe(13.333);
  });
});

describe('formatPct', () => {
  it('should print at most two decimals without trailing zeros', () => {
    expect(formatPct(14.2)).toBe('14.2');
    expect(formatPct(10)).toBe('10');
    expect(formatPct(11.499999999999998)).toBe('11.5');
    expect(formatSignedPp(4.2)).toBe('+4.2');
    expect(formatSignedPp(-4)).toBe('-4');
    expect(formatPct(0.5)).toBe('0.5');
    expect(formatPct(0.0196)).toBe('0.02');
    expect(formatPct(0.0049)).toBe('0.0049');
    expect(formatPct(0.058150261)).toBe('0.058');
    expect(formatSignedPp(0.0000001)).toBe('0');
  });
});
