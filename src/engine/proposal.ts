/**
 * What a rule or a rebalance asks for. Every proposal says what fired and why, with the real numbers.
 *
 * - `take_profit`, `cut_loss`, `stale`, `concentration`: the built-in exit rules of note 002.
 * - `custom`: a rule written in the policy's `rules:` section.
 * - `rebalance`: a drift trade toward target weights (note 004), or toward the strategies' combined targets.
 * - `entry`: a new position from research or signals: a buy of a symbol not held, toward a strategies' target.
 */
export type ProposalKind = 'take_profit' | 'cut_loss' | 'stale' | 'concentration' | 'custom' | 'rebalance' | 'entry';

/** Direction of a trade. */
export type Side = 'buy' | 'sell';

/**
 * What the trade does to the position: `exit` sells all of it, `trim` sells part of it, `buy` adds to it.
 */
export type ProposalAction = 'exit' | 'trim' | 'buy';

/**
 * One proposed trade, before anyone approves it.
 *
 * Units: `quantity` in shares (whole unless the policy sets `fractional_shares`), `price` and `notional` in the
 * policy's base currency (`notional` = quantity × price, rounded to cents), weights in percent of equity.
 */
export interface Proposal {
  readonly policyId: string;
  readonly kind: ProposalKind;
  readonly action: ProposalAction;
  /** The rule that fired: `take_profit`, `cut_loss`, `stale`, `concentration`, `custom:<rule id>`, `rebalance`, or `strategies` (a trade toward the strategies' combined targets). */
  readonly ruleId: string;
  readonly symbol: string;
  readonly side: Side;
  /** Shares to trade, > 0. */
  readonly quantity: number;
  /** The price the proposal was sized at, in base currency per share. */
  readonly price: number;
  /** quantity × price in base currency, rounded half away from zero to cents. */
  readonly notional: number;
  /** Position weight before the trade, in percent of equity. */
  readonly weightBeforePct: number;
  /** Position weight after the trade at `price`, in percent of equity. */
  readonly weightAfterPct: number;
  /** What a trader reads: "up 31.2% since entry, above the 30% take-profit". */
  readonly reason: string;
  /** Other rules that fired for the same symbol and were folded into this proposal. */
  readonly alsoFired: readonly string[];
  /**
   * Reason tags for review and history (note 004 §9): the rules behind an exit (`take_profit`, `cut_loss`, `stale`,
   * `concentration`, `custom:<rule>`), or how a rebalance trade was sized (`drift`, `band_edge`, `profit_take`).
   */
  readonly tags: readonly string[];
  /**
   * For a trade toward the combined targets of `strategies`: each strategy's part of the symbol's net target, in
   * percent of equity (allocation × strategy weight; negative for a short a long-only account cannot hold).
   */
  readonly strategies?: readonly { readonly strategyId: string; readonly weightPct: number }[];
  /** The last decision on this policy's proposals to trade the symbol the same way, when it was a rejection (see {@link EarlierRejection}). */
  readonly rejectedEarlier?: EarlierRejection;
}

/**
 * A rejection of an earlier proposal, passed to `evaluate` as history (the core never reads the store): a new
 * proposal of the same policy to trade `symbol` on the same `side` carries it, so the trader sees it was turned down
 * before, when and by whom. `at` is ISO 8601 UTC; `actorName` and `channel` as in the decision.
 */
export interface EarlierRejection {
  readonly symbol: string;
  readonly side: Side;
  /** The rejected proposal's id. */
  readonly proposalId: string;
  readonly at: string;
  readonly actorName: string;
  readonly channel: string;
}

/**
 * A proposal as a recorded run holds it: with the id people type and tap, `p-<run number>-<n>` (`p-000007-2`: the
 * second proposal of `run-000007`), given when the run is recorded, so no two runs ever share a proposal id. See
 * {@link proposalId}.
 */
export interface RecordedProposal extends Proposal {
  readonly id: string;
}

/**
 * The id of the `ordinal`-th (from 1) proposal of the run `runId` (`run-000007`, 2 → `p-000007-2`): short enough for
 * a Telegram button's 64-byte callback data, readable for `ballast approve`. Pure.
 */
export function proposalId(runId: string, ordinal: number): string {
  return `p-${runId.replace(/^run-/, '')}-${ordinal}`;
}
