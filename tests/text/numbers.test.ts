import { describe, expect, it } from 'vitest';
import { fixed, formatPct, formatSignedPp, money, pct } from '../../src/text/numbers.js';

describe('formatPct', () => {
  it('should print at most two decimals without trailing zeros', () => {
    expect(formatPct(14.2)).toBe('14.2');
    expect(formatPct(10)).toBe('10');
    expect(formatPct(11.499999999999998)).toBe('11.5');
    expect(formatSignedPp(4.2)).toBe('+4.2');
    expect(formatSignedPp(-4)).toBe('−4');
    expect(formatPct(0.5)).toBe('0.5');
    expect(formatPct(0.0196)).toBe('0.02');
    expect(formatPct(0.0049)).toBe('0.0049');
    expect(formatPct(0.058150261)).toBe('0.058');
    expect(formatSignedPp(0.0000001)).toBe('0');
  });
});

describe('the minus sign', () => {
  it('should be the one minus sign (U+2212) in every figure for people, and none on a figure that shows as zero', () => {
    expect(money(-1234.5)).toBe('−1,234.50');
    expect(pct(-8.44)).toBe('−8.4');
    expect(fixed(-0.456, 2)).toBe('−0.46');
    expect(formatPct(-3)).toBe('−3');
    expect(pct(-0.04)).toBe('0.0');
    expect(money(-0.004)).toBe('0.00');
  });
});
