import { describe, expect, it } from 'vitest';
import { roundQuantity } from '../../../src/engine/rebalance/round-quantity.js';
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
