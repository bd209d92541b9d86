import type { AccountState } from './account-state.js';
import { add, decimalFromNumber } from './decimal.js';
import { readMoney, toStored } from './ledger-values.js';

/**
 * Adds cash to the account: `amount` in base currency (whole cents, > 0) raises both cash and net deposits, so P&L
 * is unchanged. Returns a new state. Throws `PortfolioError` `INVALID_AMOUNT` or `NOT_REPRESENTABLE`.
 */
export function deposit(state: AccountState, amount: number): AccountState {
  const value = readMoney(amount, 'amount', 'positive');
  return {
    ...state,
    cash: toStored(add(decimalFromNumber(state.cash), value), 'cash'),
    netDeposits: toStored(add(decimalFromNumber(state.netDeposits), value), 'netDeposits'),
  };
}
