import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../src/portfolio/check-invariants.js';
import { deposit } from '../../src/portfolio/deposit.js';
import { deepFreeze, freshAccount } from './fixtures.js';

describe('deposit', () => {
  it('should raise cash and net deposits by the amount and leave P&L alone', () => {
    const state = deepFreeze(freshAccount(0.1));
    const next = deposit(state, 0.2);
    expect(next).toMatchObject({ cash: 0.3, netDeposits: 0.2, realizedPnl: 0 });
    expect(state.cash).toBe(0.1);
    expect(checkInvariants(next, {}, 0)).toEqual([]);
  });

  it('should refuse zero, negative and sub-cent amounts', () => {
    for (const amount of [0, -5, 1.234, Number.NaN]) {
      expect(() => deposit(freshAccount(), amount)).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
    }
  });
});
