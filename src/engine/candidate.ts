import type { Proposal } from './proposal.js';
import type { PositionFacts } from './position-facts.js';

/**
 * A proposal before limits apply, with what the limits need to rank it: the position's facts and, for custom
 * rules, the rule's priority. `proposal.quantity` may be 0 when rounding left nothing to trade.
 */
export interface Candidate {
  readonly proposal: Proposal;
  readonly facts: PositionFacts;
  readonly rulePriority: number;
}

/** Why a candidate did not become a proposal. */
export type DropReason = 'rounds_to_zero' | 'min_trade_value' | 'max_exits_per_week' | 'max_trades_per_run';

/** A candidate dropped by a limit, with the limit and the numbers that decided it. */
export interface DroppedProposal {
  readonly proposal: Proposal;
  readonly constraint: DropReason;
  readonly detail: string;
}
