import { describe, expect, it } from 'vitest';
import {
  add,
  decimalFromNumber,
  decimalToNumber,
  decimalToString,
  hasAtMostPlaces,
  multiply,
  multiplyDivideRounded,
  roundHalfAwayFromZero,
  subtract,
} from '../../src/portfolio/decimal.js';

const d = decimalFromNumber;

describe('decimalFromNumber', () => {
  it('should read a double as the decimal its shortest string shows', () => {
    expect(d(0.1)).toEqual({ units: 1n, scale: 1 });
    expect(d(-12.5)).toEqual({ units: -125n, scale: 1 });
    expect(d(1e-7)).toEqual({ units: 1n, scale: 7 });
    expect(d(1.5e21)).toEqual({ units: 1500000000000000000000n, scale: 0 });
  });

  it('should refuse non-finite numbers', () => {
    expect(() => d(Number.NaN)).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
    expect(() => d(Number.POSITIVE_INFINITY)).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
  });
});

describe('add and subtract', () => {
  it('should be exact where doubles are not', () => {
    expect(decimalToNumber(add(d(0.1), d(0.2)))).toBe(0.3);
    expect(decimalToNumber(subtract(d(100_000_000.01), d(0.02)))).toBe(99_999_999.99);
  });
});

describe('roundHalfAwayFromZero', () => {
  it('should round halves away from zero on both sides', () => {
    expect(decimalToString(roundHalfAwayFromZero(d(0.005), 2))).toBe('0.01');
    expect(decimalToString(roundHalfAwayFromZero(d(-0.005), 2))).toBe('-0.01');
    expect(decimalToString(roundHalfAwayFromZero(d(0.00499), 2))).toBe('0.00');
    expect(decimalToString(roundHalfAwayFromZero(multiply(d(1.005), d(1)), 2))).toBe('1.01');
  });
});

describe('multiplyDivideRounded', () => {
  it('should compute a × b / c with one rounding', () => {
    expect(decimalToString(multiplyDivideRounded(d(100), d(1), d(3), 2))).toBe('33.33');
    expect(decimalToString(multiplyDivideRounded(d(66.67), d(1), d(2), 2))).toBe('33.34');
    expect(decimalToString(multiplyDivideRounded(d(-66.67), d(1), d(2), 2))).toBe('-33.34');
  });

  it('should refuse a zero divisor', () => {
    expect(() => multiplyDivideRounded(d(1), d(1), d(0), 2)).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
  });
});

describe('hasAtMostPlaces', () => {
  it('should tell whole cents from fractions of a cent', () => {
    expect(hasAtMostPlaces(d(12.34), 2)).toBe(true);
    expect(hasAtMostPlaces(d(12.345), 2)).toBe(false);
  });
});
