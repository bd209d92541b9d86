import type { Holdings } from '../portfolio/holdings.js';
import type { Policy, RebalancePolicy } from '../policy/policy.js';
import { flatText } from '../util/flat-text.js';
import type { Combination } from '../strategy/combine-targets.js';
import type { Proposal } from './proposal.js';
import { rebalanceResolved, type DroppedTrade, type RebalanceOptions, type RebalanceSummary, type ResolvedRebalanceOptions } from './rebalance/index.js';
import { strategyReason } from './strategy-reason.js';

/** What the rebalance half of an evaluation produced. */
export interface RebalancePlan {
  readonly proposals: readonly Proposal[];
  readonly dropped: readonly DroppedTrade[];
  readonly summary: RebalanceSummary;
  /** symbol → target weight in percent, as resolved (equal weights expanded; built when first read). */
  readonly targetsPct: Readonly<Record<string, number>>;
}

/** The decimal step of a fractional share when the policy allows fractions. */
const FRACTION_STEP = 0.000001;

/**
 * Translates a policy's `rebalance:` section into the options of {@link rebalance} (note 004). The run-wide limits
 * bound it too: it gets `limits.max_trades_per_run` minus the trades the exits already took, and the same
 * `limits.min_trade_value`. `equal: all` is every symbol of `prices` (those priced at the decision), in their order;
 * `rounding: none` trades unrounded quantities.
 */
export function rebalanceOptions(policy: Policy, section: RebalancePolicy, tradesLeft: number, prices: ReadonlyMap<string, number>): RebalanceOptions {
  return {
    targets: section.targets ? { weightsPct: section.targets } : { equal: section.equal === 'all' ? [...prices.keys()] : (section.equal ?? []) },
    cashTargetPct: section.cash_target_pct,
    bands: { absolutePp: section.bands.absolute_pp, relativePct: section.bands.relative_pct },
    to: section.to,
    scope: section.scope,
    ...(section.budget_amount !== undefined ? { budgetAmount: section.budget_amount } : { budgetPct: section.budget_pct ?? 10 }),
    mode: section.mode,
    ...(policy.rounding === 'none' ? { unrounded: true } : policy.fractional_shares ? { fractionalStep: FRACTION_STEP } : {}),
    maxTrades: Math.max(0, tradesLeft),
    minTradeValue: policy.limits.min_trade_value,
    maxPositionWeightPct: section.max_position_weight_pct,
    noBuy: section.no_buy,
    noSell: section.no_sell,
    ...(section.profit_take ? { profitTake: { gainPct: section.profit_take.gain_pct, boostPct: section.profit_take.boost_pct } } : {}),
    tilt: section.tilt,
  };
}

/** How {@link planRebalance} runs: the resolved rebalance options, and whether to list what its constraints dropped. */
export interface PlanOptions {
  readonly resolved: ResolvedRebalanceOptions;
  /** List the drift trades dropped or cut by a constraint, with their words (what a run records); else none. */
  readonly listDropped: boolean;
  /** The strategies' combination, when the targets come from `strategies`. */
  readonly combination?: Combination | undefined;
}

/**
 * Runs the rebalance on the holdings left after the exit rules and turns its trades into proposals
 * (`kind: 'rebalance'`, rule `rebalance`, tags from the trade: `drift`, `band_edge`, `profit_take`).
 * With a `combination` (the targets come from `strategies`), proposals are rule `strategies`, name the strategies
 * behind each target and say so in the reason, and a buy of a symbol not held is an `entry`. `targetsPct` is built
 * when first read. Throws `RebalanceError` for a target without a price.
 */
export function planRebalance(policy: Policy, holdings: Holdings, prices: ReadonlyMap<string, number>, options: PlanOptions): RebalancePlan {
  const { resolved, combination } = options;
  const result = rebalanceResolved(holdings, prices, resolved, options.listDropped);
  const ruleId = combination ? 'strategies' : 'rebalance';
  const minWeightPct = policy.allocation?.min_weight_pct ?? 0;
  const proposals = result.trades.map((trade): Proposal => {
    const exit = trade.side === 'sell' && trade.quantity >= trade.heldQuantity;
    const contributions = combination?.targets.find((t) => t.symbol === trade.symbol)?.contributions;
    return {
      policyId: policy.id,
      kind: combination && trade.side === 'buy' && trade.heldQuantity === 0 ? 'entry' : 'rebalance',
      action: trade.side === 'buy' ? 'buy' : exit ? 'exit' : 'trim',
      ruleId,
      symbol: trade.symbol,
      side: trade.side,
      quantity: trade.quantity,
      price: trade.price,
      notional: trade.notional,
      weightBeforePct: trade.liveWeightPct,
      weightAfterPct: trade.weightAfterPct,
      reason: flatText(combination ? `${trade.reason}; ${strategyReason(trade.symbol, combination, minWeightPct)}` : trade.reason),
      alsoFired: [],
      tags: trade.tags,
      ...(contributions ? { strategies: contributions.map((c) => ({ strategyId: c.strategyId, weightPct: c.weight * 100 })) } : {}),
    };
  });
  let targetsPct: Readonly<Record<string, number>> | undefined;
  return {
    proposals,
    dropped: result.dropped,
    summary: result.summary,
    get targetsPct() {
      return (targetsPct ??= Object.fromEntries(resolved.targetsPct));
    },
  };
}
