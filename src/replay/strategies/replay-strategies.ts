/**
 * The strategies' side of a replay, aligned with `ReplayResult.dates` (NaN where a session has no mark: before the
 * first evaluation, or after the last one of a policy that does not evaluate every session). Money in base currency.
 *
 * The accounting identity that ties the sleeves to the account, at every marked session t:
 *
 *   account equity_t = Σ sleeve equity_t + unallocated_t + (sleeve costs_t − account costs_t) + tracking_t
 *
 * - sleeve costs: what the sleeves paid for their own trades (`commission_bps + slippage_bps` on every sleeve order,
 *   as if each strategy traded alone), cumulative;
 * - account costs: what the account paid: commissions plus each fill's distance from the session's close (slippage),
 *   cumulative; sleeve costs − account costs is what netting and trading only the net saved (negative when minimum
 *   commissions or whole shares cost more than the sleeves paid);
 * - tracking: the P&L of holding what the account held instead of what the sleeves held, Σ over sessions and symbols
 *   of (account shares − Σ sleeve shares) at the previous close × the close's change: whole shares, drift bands,
 *   budgets, minimum trades, exit rules and fill delays, cumulative.
 *
 * All three are computed from their own sources (the sleeves' books, the replay's fills and the two sets of
 * positions), so the identity is a check, not a definition; a test holds it to the cent at every session.
 */
export interface ReplayStrategies {
  readonly ids: readonly string[];
  readonly names: readonly string[];
  /** Each strategy's rebalance period as normalized (`daily`, `weekly on monday`). */
  readonly periods: readonly string[];
  /** `equity[s][i]`: strategy s's sleeve equity at session i's close, after its trades. */
  readonly equity: readonly Float64Array[];
  /** `returns[s][i]`: the sleeve's return over session i, capital moved in or out excluded. */
  readonly returns: readonly Float64Array[];
  /** `allocation[s][i]`: the allocation in force after session i's run, a fraction of strategy capital. */
  readonly allocation: readonly Float64Array[];
  /** Capital allocated to no strategy. */
  readonly unallocated: Float64Array;
  /** The terms of the identity above, cumulative from the first session. */
  readonly sleeveCosts: Float64Array;
  readonly accountCosts: Float64Array;
  readonly tracking: Float64Array;
  /** Rebalances of each strategy over the replay. */
  readonly rebalances: readonly number[];
  /** Netting over every run: Σ gross and Σ net sleeve orders, the saving and its share of gross. */
  readonly netting: { readonly gross: number; readonly net: number; readonly saving: number; readonly savingPct: number };
}
