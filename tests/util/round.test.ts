import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundDown, roundHalfAway, roundMoney, roundUp } from '../../src/util/round.js';

/** Rounding half away from zero by shifting the decimal point through the number's shortest text: the definition. */
function byText(value: number, decimals: number): number {
  const text = String(Math.abs(value));
  const shifted = text.includes('e') ? Math.abs(value) * 10 ** decimals : Number(`${text}e${decimals}`);
  const rounded = Math.round(shifted) / 10 ** decimals;
  return value < 0 ? -rounded : rounded;
}

describe('roundMoney', () => {
  it('should round half away from zero to cents, where binary floats would round down', () => {
    expect(roundMoney(1.005)).toBe(1.01);
    expect(roundMoney(0.335 * 3)).toBe(1.01);
    expect(roundMoney(-2.675)).toBe(-2.68);
    expect(roundMoney(1234.5649)).toBe(1234.56);
  });

  it('should round every amount exactly as shifting its decimal text does, ties and products of shares and prices included', () => {
    const tie = fc.tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 6 })).map(([units, d]) => (units + 0.5) / 10 ** d);
    const product = fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 10_000_00 })).map(([quantity, cents]) => (quantity * cents) / 100 * 1.0005);
    const any = fc.double({ min: -1e16, max: 1e16, noNaN: true });
    fc.assert(
      fc.property(fc.oneof(tie, product, any), fc.integer({ min: 0, max: 8 }), (value, decimals) => {
        expect(Object.is(roundHalfAway(value, decimals), byText(value, decimals))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('should handle numbers that print with an exponent', () => {
    expect(roundMoney(1e-16)).toBe(0);
    expect(roundMoney(1.0000000000000002)).toBe(1);
  });
});

describe('roundDown and roundUp', () => {
  it('should not lose a step to float error', () => {
    expect(roundDown(0.29 / 0.01, 0)).toBe(29);
    expect(roundUp(35.5, 0)).toBe(36);
    expect(roundDown(3.4999999, 6)).toBe(3.499999);
  });
});
