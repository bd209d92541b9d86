import { describe, expect, it } from 'vitest';
import { roundDown, roundMoney, roundUp } from '../../src/util/round.js';

describe('roundMoney', () => {
  it('should round half away from zero to cents, where binary floats would round down', () => {
    expect(roundMoney(1.005)).toBe(1.01);
    expect(roundMoney(0.335 * 3)).toBe(1.01);
    expect(roundMoney(-2.675)).toBe(-2.68);
    expect(roundMoney(1234.5649)).toBe(1234.56);
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
