import type { RecordedProposal } from '../engine/proposal.js';
import type { Fill } from '../portfolio/account-state.js';
import type { PaperCosts } from '../portfolio/execute-paper.js';

/**
 * Where a proposal stands. `pending` → `approved` | `rejected` | `expired`; `approved` → `executed` | `failed` |
 * `stale` (the re-checked price moved past the policy's tolerance). `approved` is final only under `dry_run`.
 * Every state but `pending` and (non-dry-run) `approved` is terminal.
 */
export type ProposalStatus = 'pending' | 'approved' | 'rejected' | 'expired' | 'executed' | 'failed' | 'stale';

/** Where a decision came from. `auto`: `approval.mode: auto` with automatic rebalancing on; `system`: expiry. */
export type Channel = 'telegram' | 'cli' | 'auto' | 'system';

/**
 * Who acts: a stable `id` (`telegram:<numeric user id>`, `cli:<os user>`, `auto`, `system`), a display `name`, and
 * the channel the action came through.
 */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly channel: Channel;
}

/** A stored decision: what was decided, by whom, when (ISO 8601 UTC), through which channel, on which policy revision. */
export interface Decision {
  readonly decision: 'approve' | 'reject' | 'expire';
  readonly actorId: string;
  readonly actorName: string;
  readonly channel: Channel;
  readonly at: string;
  /** The policy revision that produced the proposal (`ccdc11a`, `ccdc11a+dirty`, `unversioned`). */
  readonly policyRevision: string;
}

/** The paper execution of an approved proposal: the re-checked quote and the fill booked (base currency). */
export interface ExecutionRecord {
  readonly at: string;
  readonly quote: number;
  readonly fill: Fill;
}

/** Why an approved proposal was not executed (`stale`, `failed`), or why it expired: a code and a readable message. */
export interface Outcome {
  readonly at: string;
  readonly code: string;
  readonly message: string;
}

/** Where a proposal was posted in Telegram; `messageId` is stored as soon as the send succeeds. */
export interface TelegramPlacement {
  readonly chatId: number;
  readonly messageId: number;
}

/**
 * One proposal under approval, as stored. `proposal.id` (`p-000042-1`, unique per run; databases from before hold
 * `p-<10 hex>` ids) is what people type and tap; at most one record per proposal id is `pending` at a time. `nonce`
 * (8 url-safe characters) is fresh per record, so a button of another record or message is recognised as a replay. Times are ISO 8601 UTC, from the clock when the run
 * was recorded (not the prices' as-of date). `costs` and `tolerancePct` are the policy's `execution` settings as of
 * the run.
 */
export interface ProposalRecord {
  readonly proposal: RecordedProposal;
  readonly nonce: string;
  readonly runId: string;
  readonly policyId: string;
  readonly policyName: string;
  readonly accountId: string;
  readonly policyRevision: string;
  readonly mode: 'cli' | 'telegram' | 'auto';
  readonly dryRun: boolean;
  readonly costs: PaperCosts;
  readonly tolerancePct: number;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly status: ProposalStatus;
  readonly decision?: Decision;
  readonly execution?: ExecutionRecord;
  readonly outcome?: Outcome;
  readonly telegram?: TelegramPlacement;
}

/**
 * Why an action was refused without touching any proposal: `unauthorized` (user not on the allowlist),
 * `forbidden` (a viewer tried to decide), `forged` (bad signature or unreadable callback data), `replayed` (a button
 * of an older record or another message), `already_decided` (a second decision), `paused`, `unknown_proposal`.
 */
export type RefusalReason = 'unauthorized' | 'forbidden' | 'forged' | 'replayed' | 'already_decided' | 'paused' | 'unknown_proposal';

/** A stored refusal: the audit trail of actions that did not decide anything. */
export interface Refusal {
  readonly at: string;
  readonly reason: RefusalReason;
  readonly actorId: string;
  readonly channel: Channel;
  /** The proposal id the action named, when it could be read. */
  readonly proposalId?: string;
  readonly detail: string;
  /** How many refused actions this record stands for, when a flood was stored as one; absent: one. */
  readonly count?: number;
}

/** Statuses from which nothing more happens. */
export const TERMINAL_STATUSES: ReadonlySet<ProposalStatus> = new Set(['rejected', 'expired', 'executed', 'failed', 'stale']);
