import type { AccountState } from '../portfolio/account-state.js';

/** Paper account ledgers by account id (position-based accounting, note 001). */
export interface AccountStore {
  /** An account's ledger, or undefined. */
  account(accountId: string): AccountState | undefined;
  /** Ids of the accounts in the store, sorted. */
  accountIds(): string[];
  /** Stores an account's ledger, replacing it (in memory at once, written as every change is: see `Store`). */
  putAccount(state: AccountState): void;
}
