import type { AccountState } from './account-state.js';
import { readMoney, readTime } from './ledger-values.js';

/** What opening an account needs: `initialCapital` in `baseCurrency` (whole cents, ≥ 0), `at` an ISO 8601 time. */
export interface OpenAccountInput {
  readonly accountId: string;
  readonly baseCurrency: string;
  readonly initialCapital: number;
  readonly at: string;
}

/**
 * Opens an empty account: cash = `initialCapital`, no lots, no fills, zero P&L and net deposits.
 * Throws `PortfolioError` `INVALID_AMOUNT` (capital not whole cents ≥ 0) or `INVALID_TIME`.
 */
export function openAccount(input: OpenAccountInput): AccountState {
  readMoney(input.initialCapital, 'initialCapital');
  readTime(input.at);
  return {
    accountId: input.accountId,
    baseCurrency: input.baseCurrency,
    openedAt: input.at,
    initialCapital: input.initialCapital,
    netDeposits: 0,
    cash: input.initialCapital,
    lots: [],
    realizedPnl: 0,
    commissionsPaid: 0,
    trades: [],
  };
}
