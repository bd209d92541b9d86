import type { Proposal, ProposalKind } from './proposal.js';

/**
 * An exit before limits, in numbers only: the position (its row in the evaluation's `FactTable`), the rule that sized
 * it, and what the limits rank and keep it by. Its proposal (reason, id) is written only when it is kept, or when a
 * run explains what the limits dropped (`exitProposal`).
 */
export interface Candidate {
  /** Row of the position in the fact table. */
  readonly row: number;
  readonly symbol: string;
  /** Index of the rule among the rules evaluated. */
  readonly rule: number;
  /** `take_profit`, `cut_loss`, `stale`, `concentration` or `custom:<id>`. */
  readonly ruleId: string;
  readonly kind: ProposalKind;
  /** The kind's place in the order exits win a cap (see `kindRank`): 0 for `cut_loss` … 4 for custom rules. */
  readonly kindRank: number;
  /** Shares to sell; 0 when rounding left nothing to trade. */
  readonly quantity: number;
  /** quantity × price in base currency, rounded to cents unless the policy says `rounding: none`. */
  readonly notional: number;
  /** A custom rule's `priority`; 0 for the built-ins. */
  readonly rulePriority: number;
  /** How severe within its kind, larger first (see `compareCandidates`): the loss, the gain, the weight, the days held. */
  readonly severity: number;
  /** The other rules that fired on the same position, in the order they rank behind this one (see `mergeFired`). */
  readonly alsoFired: readonly Candidate[];
}

/** Why a candidate did not become a proposal. */
export type DropReason = 'rounds_to_zero' | 'min_trade_value' | 'max_exits_per_week' | 'max_trades_per_run';

/** A candidate dropped by a limit, with the limit and the numbers that decided it. */
export interface DroppedProposal {
  readonly proposal: Proposal;
  readonly constraint: DropReason;
  readonly detail: string;
}
