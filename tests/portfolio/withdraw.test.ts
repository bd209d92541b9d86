import { describe, expect, it } from 'vitest';
import { withdraw } from '../../src/portfolio/withdraw.js';
import { freshAccount } from './fixtures.js';

describe('withdraw', () => {
  it('should lower cash and net deposits, letting net deposits go negative', () => {
    expect(withdraw(freshAccount(), 10_000)).toMatchObject({ cash: 0, netDeposits: -10_000 });
  });

  it('should refuse to withdraw more than the cash held', () => {
    expect(() => withdraw(freshAccount(), 10_000.01)).toThrow(
      expect.objectContaining({ code: 'INSUFFICIENT_CASH', context: expect.objectContaining({ cash: 10_000 }) }),
    );
  });
});
