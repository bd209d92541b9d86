import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../src/portfolio/check-invariants.js';
import { executePaper } from '../../src/portfolio/execute-paper.js';
import { seedAccount } from '../../src/portfolio/seed-account.js';
import { toHoldings } from '../../src/portfolio/to-holdings.js';

const HOLDINGS = {
  cash: 8000,
  positions: [
    { symbol: 'GE', quantity: 300, averageCost: 51.74, openedDate: '2000-11-15' },
    { symbol: 'CAT', quantity: 3, averageCost: 33.777, openedDate: '2000-11-01' },
  ],
};

describe('seedAccount', () => {
  it('should open an account holding the positions at cost with zero P&L, lots in date order', () => {
    const state = seedAccount({ accountId: 'paper-dee', baseCurrency: 'USD', holdings: HOLDINGS, at: '2026-11-21T12:00:00.000Z' });
    // 300 × 51.74 = 15,522.00; 3 × 33.777 = 101.331 → 101.33 (half away from zero)
    expect(state).toMatchObject({ cash: 8000, initialCapital: 23623.33, realizedPnl: 0, netDeposits: 0, trades: [] });
    expect(state.lots).toMatchObject([
      { symbol: 'CAT', quantity: 3, costBasis: 101.33, openedAt: '2000-11-01T00:00:00.000Z' },
      { symbol: 'GE', quantity: 300, costBasis: 15522, openedAt: '2000-11-15T00:00:00.000Z' },
    ]);
    expect(checkInvariants(state, { GE: 43.26, CAT: 45 })).toEqual([]);
    expect(toHoldings(state).positions).toMatchObject([{ symbol: 'CAT', openedDate: '2000-11-01' }, { symbol: 'GE', averageCost: 51.74, openedDate: '2000-11-15' }]);
  });

  it('should keep every invariant through a paper sell of a seeded position', () => {
    const state = seedAccount({ accountId: 'a', baseCurrency: 'USD', holdings: HOLDINGS, at: '2026-11-21T12:00:00.000Z' });
    const { state: after } = executePaper(state, { symbol: 'GE', side: 'sell', quantity: 120 }, 43.26, { commissionBps: 5, commissionMin: 1, slippageBps: 10 }, '2026-11-21T13:00:00.000Z');
    expect(checkInvariants(after, { GE: 40, CAT: 50 })).toEqual([]);
    expect(after.lots.find((l) => l.symbol === 'GE')).toMatchObject({ quantity: 180, costBasis: 9313.2 });
  });

  it('should refuse cash that is not whole cents', () => {
    expect(() => seedAccount({ accountId: 'a', baseCurrency: 'USD', holdings: { cash: 1.005, positions: [] }, at: '2026-11-21T12:00:00Z' }))
      .toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
  });
});
