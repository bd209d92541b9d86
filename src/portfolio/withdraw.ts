import type { AccountState } from './account-state.js';
import { compare, decimalFromNumber, subtract, ZERO } from './decimal.js';
import { PortfolioError } from '../errors.js';
import { readMoney, toStored } from './ledger-values.js';

/**
 * Takes cash out of the account: `amount` in base currency (whole cents, > 0) lowers both cash and net deposits
 * (which may go negative after gains are withdrawn). Returns a new state.
 * Throws `PortfolioError` `INVALID_AMOUNT`, or `INSUFFICIENT_CASH` when `amount` exceeds cash (no margin).
 */
export function withdraw(state: AccountState, amount: number): AccountState {
  const value = readMoney(amount, 'amount', 'positive');
  const cashAfter = subtract(decimalFromNumber(state.cash), value);
  if (compare(cashAfter, ZERO) < 0) {
    throw new PortfolioError(
      'INSUFFICIENT_CASH',
      `Cannot withdraw ${amount} ${state.baseCurrency}: only ${state.cash} in cash.`,
      'Withdraw less or sell first.',
      { accountId: state.accountId, amount, cash: state.cash },
    );
  }
  return {
    ...state,
    cash: toStored(cashAfter, 'cash'),
    netDeposits: toStored(subtract(decimalFromNumber(state.netDeposits), value), 'netDeposits'),
  };
}
