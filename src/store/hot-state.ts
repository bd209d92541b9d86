import type { ProposalRecord } from '../approval/proposal-record.js';
import type { AccountState } from '../portfolio/account-state.js';
import type { StrategyState } from '../strategy/strategy-state.js';
import type { PauseRecord } from './pause-record.js';
import type { SlotRecord } from './slot-record.js';

/** The database version this Ballast writes (`schemas/database.schema.json`); versions 1 and 2 are upgraded. */
export const DATABASE_VERSION = 3;

/**
 * The database file (`ballast.json`): only what changes, so every write stays small — the run counter, the paper
 * accounts, open proposals (and the most recently closed ones), the latest slots, pauses and strategy states.
 * Recorded runs, older closed proposals, refusals, older slots and the accounts' equity histories live in the
 * append-only archive beside it.
 */
export interface HotState {
  readonly version: typeof DATABASE_VERSION;
  /** The number the next recorded run gets (`run-000042`); never lowered, so no run id is used twice. */
  nextRunNumber: number;
  /** Paper account ledgers by account id (position-based accounting, note 001). */
  accounts: Record<string, AccountState>;
  /** Proposals under approval and the most recently closed ones, oldest first. */
  proposals: ProposalRecord[];
  /** Scheduled slots by slot key (the latest of each schedule and every unfinished one). */
  slots: Record<string, SlotRecord>;
  /** Policies whose execution is paused, by policy id, with who paused them, when and why. */
  paused: Record<string, PauseRecord>;
  /** What each policy's strategies carry between runs (held signals, sleeves, allocation), by policy id. */
  strategies: Record<string, StrategyState>;
}

/** A new, empty database. */
export function emptyHotState(): HotState {
  return { version: DATABASE_VERSION, nextRunNumber: 1, accounts: {}, proposals: [], slots: {}, paused: {}, strategies: {} };
}
