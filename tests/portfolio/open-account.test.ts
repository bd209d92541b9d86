import { describe, expect, it } from 'vitest';
import { openAccount } from '../../src/portfolio/open-account.js';

describe('openAccount', () => {
  it('should open with cash equal to the initial capital and an empty ledger', () => {
    const state = openAccount({ accountId: 'a', baseCurrency: 'EUR', initialCapital: 2500.5, at: '2025-01-02T09:00:00+01:00' });
    expect(state).toMatchObject({ cash: 2500.5, initialCapital: 2500.5, netDeposits: 0, realizedPnl: 0, commissionsPaid: 0 });
    expect(state.lots).toHaveLength(0);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('should refuse capital with fractions of a cent, negative capital and a zone-less time', () => {
    const base = { accountId: 'a', baseCurrency: 'EUR', at: '2025-01-02' };
    expect(() => openAccount({ ...base, initialCapital: 10.001 })).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
    expect(() => openAccount({ ...base, initialCapital: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
    expect(() => openAccount({ ...base, initialCapital: 1, at: '2025-01-02T09:00:00' })).toThrow(
      expect.objectContaining({ code: 'INVALID_TIME' }),
    );
  });
});
