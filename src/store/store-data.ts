import type { ProposalRecord, Refusal } from '../approval/proposal-record.js';
import type { AccountState } from '../portfolio/account-state.js';
import type { EquityPoint } from './equity-point.js';
import type { PauseRecord } from './pause-record.js';
import type { RunRecord } from './run-record.js';
import type { SlotRecord } from './slot-record.js';
import type { StrategyState } from '../strategy/strategy-state.js';

/** The whole database file: small, versioned, one JSON document. */
export interface StoreData {
  readonly version: 1;
  nextRunNumber: number;
  runs: RunRecord[];
  /** Scheduled slots by slot key, recorded before and after each run (exactly-once across restarts). */
  slots: Record<string, SlotRecord>;
  /** Proposals under approval and their decisions, oldest first. */
  proposals: ProposalRecord[];
  /** Paper account ledgers by account id (position-based accounting, note 001). */
  accounts: Record<string, AccountState>;
  /** Each paper account's equity over time, by account id, oldest first. */
  equity: Record<string, EquityPoint[]>;
  /** Actions refused without a decision: unauthorized, forged, replayed, … */
  refusals: Refusal[];
  /** Policies whose execution is paused, by policy id, with who paused them, when and why. */
  paused: Record<string, PauseRecord>;
  /** What each policy's strategies carry between runs (held signals, sleeves, allocation), by policy id. */
  strategies: Record<string, StrategyState>;
}

/** A new, empty database. */
export function emptyStoreData(): StoreData {
  return { version: 1, nextRunNumber: 1, runs: [], slots: {}, proposals: [], accounts: {}, equity: {}, refusals: [], paused: {}, strategies: {} };
}
