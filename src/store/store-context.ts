import type { StoreData } from './store-data.js';

/**
 * What each part of the store (runs, slots, approvals, accounts) works on: the database in memory, and the one way
 * to change it. `change` applies a mutation at once and has it written (coalesced, see `WriteBehind`); `flushed`
 * resolves once everything changed so far is on disk. A read-only store throws `READ_ONLY_STORE` from `change`.
 */
export interface StoreContext {
  readonly data: StoreData;
  change(mutate: (data: StoreData) => void): void;
  flushed(): Promise<void>;
}
