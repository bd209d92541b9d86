import { describe, expect, it } from 'vitest';
import type { AccountState } from '../../src/portfolio/account-state.js';
import { applyFill } from '../../src/portfolio/apply-fill.js';
import { assertInvariants, checkInvariants } from '../../src/portfolio/check-invariants.js';
import { freshAccount, twoLotsThenPartialSell } from './fixtures.js';

describe('checkInvariants', () => {
  it('should find nothing wrong with a consistent ledger, even at tolerance 0', () => {
    expect(checkInvariants(twoLotsThenPartialSell(), { AAA: 130 })).toEqual([]);
    expect(checkInvariants(twoLotsThenPartialSell(), { AAA: 0.01 }, 0)).toEqual([]);
  });

  it('should hold exactly at large magnitudes where doubles are spaced ~1e-8 apart', () => {
    let state: AccountState = freshAccount(900_000_000);
    const buys = [
      ['AAA', 10_000, 4999.99],
      ['BBB', 9_999, 4321.0987],
      ['CCC', 7_777, 3333.3333],
    ] as const;
    for (const [symbol, quantity, price] of buys) {
      state = applyFill(state, { symbol, side: 'buy', quantity, price, commission: 12.34, at: '2025-01-02' });
    }
    state = applyFill(state, { symbol: 'BBB', side: 'sell', quantity: 3_333, price: 4400.01, commission: 7.77, at: '2025-01-03' });
    expect(checkInvariants(state, { AAA: 4999.97, BBB: 4567.891, CCC: 0.07 }, 0)).toEqual([]);
  });

  it('should report a cash ledger off by one cent, and by how much', () => {
    const tampered = { ...twoLotsThenPartialSell(), cash: 8595.51 };
    expect(checkInvariants(tampered, { AAA: 130 })).toMatchObject([
      { invariant: 'equity_change_equals_total_pnl', expected: 545.5, actual: 545.51, difference: 0.01 },
    ]);
  });

  it('should report a stored realized P&L that does not match the cash', () => {
    const tampered = { ...twoLotsThenPartialSell(), realizedPnl: 245 };
    expect(checkInvariants(tampered, { AAA: 130 })).toMatchObject([
      { invariant: 'equity_change_equals_total_pnl', difference: 0.5 },
    ]);
  });

  it('should report negative quantities and cost bases per lot', () => {
    const state = twoLotsThenPartialSell();
    const tampered = { ...state, lots: [{ symbol: 'AAA', quantity: -15, costBasis: -1650, openedAt: '2025-02-03' }] };
    expect(checkInvariants(tampered, { AAA: 100 })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ invariant: 'quantity_positive', symbol: 'AAA', actual: -15 }),
        expect.objectContaining({ invariant: 'cost_basis_non_negative', symbol: 'AAA', actual: -1650 }),
      ]),
    );
  });

  it('should report negative cash', () => {
    const state = freshAccount();
    const tampered = { ...state, cash: -1, initialCapital: -1 };
    expect(checkInvariants(tampered, {})).toMatchObject([{ invariant: 'cash_non_negative', actual: -1 }]);
  });

  it('should accept differences within the tolerance', () => {
    const tampered = { ...twoLotsThenPartialSell(), cash: 8595.51 };
    expect(checkInvariants(tampered, { AAA: 130 }, 0.01)).toEqual([]);
  });
});

describe('assertInvariants', () => {
  it('should throw ACCOUNTING_INVARIANT naming the broken invariant and the amount', () => {
    const tampered = { ...twoLotsThenPartialSell(), cash: 8595.4 };
    expect(() => assertInvariants(tampered, { AAA: 130 })).toThrow(
      expect.objectContaining({
        code: 'ACCOUNTING_INVARIANT',
        accountId: 'acc-1',
        violations: [expect.objectContaining({ invariant: 'equity_change_equals_total_pnl', difference: -0.1 })],
      }),
    );
  });

  it('should return quietly for a consistent ledger', () => {
    expect(() => assertInvariants(twoLotsThenPartialSell(), { AAA: 1 })).not.toThrow();
  });
});
