import type { AccountState } from '../portfolio/account-state.js';
import type { ProposalRecord, ProposalStatus, Refusal } from './proposal-record.js';

/** Which approval records to list: of one policy, with some statuses, or open for a decision at an instant. */
export interface ProposalFilter {
  readonly policyId?: string;
  readonly statuses?: readonly ProposalStatus[];
  /** Only records `pending` with `expiresAt` after this instant (open for a decision then). */
  readonly openAt?: Date;
}

/**
 * What the approval service needs from storage. Mutators are synchronous and take effect at once in memory, so a
 * decision is settled before the service first awaits (two taps in one process cannot both win); `persist` writes
 * everything changed so far. `Store` (lowdb file or in memory) implements it.
 */
export interface ApprovalStore {
  /** The current record of a proposal id (the most recent one), or undefined. */
  proposalRecord(proposalId: string): ProposalRecord | undefined;
  /** Records, oldest first, filtered as {@link ProposalFilter} says. */
  proposalRecords(filter?: ProposalFilter): readonly ProposalRecord[];
  /** Inserts a record, or replaces the one with the same proposal id and nonce. */
  putProposalRecord(record: ProposalRecord): void;
  /** An account's ledger by account id, or undefined. */
  account(accountId: string): AccountState | undefined;
  /** Stores an account's ledger (replacing it). */
  putAccount(state: AccountState): void;
  /** Appends to the refusal log. */
  recordRefusal(refusal: Refusal): void;
  /** Whether execution is paused for a policy (by /pause, or after an accounting invariant failed). */
  isPaused(policyId: string): boolean;
  /** Pauses or resumes a policy, remembering who and why. */
  setPaused(policyId: string, paused: boolean, by: { readonly actorId: string; readonly at: string; readonly reason: string }): void;
  /** Writes every change made so far. */
  persist(): Promise<void>;
}
