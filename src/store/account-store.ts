import type { AccountState } from '../portfolio/account-state.js';
import type { EquityPoint } from './equity-point.js';

/** Paper account ledgers by account id (position-based accounting, note 001), with each account's equity over time. */
export interface AccountStore {
  /** An account's ledger, or undefined. */
  account(accountId: string): AccountState | undefined;
  /** Ids of the accounts in the store, sorted. */
  accountIds(): string[];
  /** Stores an account's ledger, replacing it (in memory at once, written as every change is: see `Store`). */
  putAccount(state: AccountState): void;
  /** Appends a point to an account's equity history (to the archive, with the next write, as every change is). */
  recordEquity(accountId: string, point: EquityPoint): void;
  /** An account's equity history in recording order, oldest first; empty for an account without one. */
  equityHistory(accountId: string): Promise<readonly EquityPoint[]>;
}
