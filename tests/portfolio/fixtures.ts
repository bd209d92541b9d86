import type { AccountState } from '../../src/portfolio/account-state.js';
import { applyFill } from '../../src/portfolio/apply-fill.js';
import { openAccount } from '../../src/portfolio/open-account.js';

/** A fresh account with 10,000.00 USD opened on 2025-01-02. */
export function freshAccount(initialCapital = 10_000): AccountState {
  return openAccount({ accountId: 'acc-1', baseCurrency: 'USD', initialCapital, at: '2025-01-02' });
}

/**
 * The hand-computed example: buy 10 AAA at 100 (fee 1), buy 20 AAA at 110 (fee 2), sell 15 AAA at 120 (fee 1.50).
 * FIFO relieves lot 1 (10 sh, cost 1000) and 5 of lot 2 (cost 2200 × 5/20 = 550).
 */
export function twoLotsThenPartialSell(): AccountState {
  let state = freshAccount();
  state = applyFill(state, { symbol: 'AAA', side: 'buy', quantity: 10, price: 100, commission: 1, at: '2025-01-02T15:00:00Z' });
  state = applyFill(state, { symbol: 'AAA', side: 'buy', quantity: 20, price: 110, commission: 2, at: '2025-02-03T15:00:00Z' });
  return applyFill(state, { symbol: 'AAA', side: 'sell', quantity: 15, price: 120, commission: 1.5, at: '2025-03-03T15:00:00Z' });
}

/** Freezes an object graph so a test fails if a pure function mutates its input. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
