import type { Refusal } from '../approval/proposal-record.js';
import type { AccountEquityPoint, Archive } from './archive/archive.js';
import type { HotState } from './hot-state.js';
import type { RunRecord } from './run-record.js';

/** Records waiting for the next write to go to the archive (append-only), before the hot state is written. */
export interface Outbox {
  readonly runs: RunRecord[];
  readonly refusals: Refusal[];
  readonly equity: AccountEquityPoint[];
}

/**
 * What each part of the store (runs, slots, approvals, accounts) works on: the hot state in memory, the archive, and
 * the one way to change them. `change` applies a mutation at once (to the hot state, or records put in the outbox for
 * the archive) and has it written, coalesced with the changes around it (`WriteBehind`); `flushed` resolves once
 * everything changed so far is on disk. A read-only store throws `READ_ONLY_STORE` from `change`.
 */
export interface StoreContext {
  readonly data: HotState;
  readonly archive: Archive;
  change(mutate: (data: HotState, outbox: Outbox) => void): void;
  flushed(): Promise<void>;
}
