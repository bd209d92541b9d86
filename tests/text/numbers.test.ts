import { describe, expect, it } from 'vitest';
import { formatPct, formatSignedPp } from '../../src/text/numbers.js';

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
