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
  /** Stable id: the same policy, as-of date, rule, symbol, side and quantity always give the same id. */
  readonly id: string;
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
}
