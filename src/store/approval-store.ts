import type { ProposalFilter } from './proposal-filter.js';
import type { PauseRecord } from './pause-record.js';
import type { ProposalRecord, Refusal } from '../approval/proposal-record.js';

/**
 * Proposals under approval, the refusal log and paused policies: what the approval service reads and changes.
 * Mutators are synchronous and take effect at once in memory, so a decision is settled before the service first
 * awaits (two taps in one process cannot both win). Every change is written by the store on its own (see `Store`);
 * `persist` resolves once everything changed so far is on disk — await it before telling anyone what happened.
 */
export interface ApprovalStore {
  /**
   * The current record of a proposal id (the most recent one) among open and recently closed ones, or undefined:
   * synchronous, so a decision is settled before anything is awaited.
   */
  proposalRecord(proposalId: string): ProposalRecord | undefined;
  /** The most recent record of a proposal id, also among those closed long ago (in the archive), or undefined. */
  findProposalRecord(proposalId: string): Promise<ProposalRecord | undefined>;
  /** Every record, the archived ones included, oldest first (by creation): what the audit log lists. */
  allProposalRecords(): Promise<readonly ProposalRecord[]>;
  /** Open and recently closed records, oldest first, filtered as {@link ProposalFilter} says. */
  proposalRecords(filter?: ProposalFilter): readonly ProposalRecord[];
  /** Inserts a record, or replaces the one with the same proposal id and nonce. */
  putProposalRecord(record: ProposalRecord): void;
  /** Appends to the refusal log (the audit log; written with the next write, at once). */
  recordRefusal(refusal: Refusal): void;
  /** Refused actions, oldest first. */
  listRefusals(): Promise<readonly Refusal[]>;
  /** Whether execution is paused for a policy (by /pause, or after an accounting invariant failed). */
  isPaused(policyId: string): boolean;
  /** Who paused a policy and why, or undefined when it runs. */
  pauseOf(policyId: string): PauseRecord | undefined;
  /** Pauses or resumes a policy, remembering who and why. */
  setPaused(policyId: string, paused: boolean, by: PauseRecord): void;
  /** Resolves once every change made so far is written; rejects when a write failed. */
  persist(): Promise<void>;
}
