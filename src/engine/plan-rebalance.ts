import type { Holdings } from '../portfolio/holdings.js';
import type { Policy, RebalancePolicy } from '../policy/policy.js';
import { stableHash } from '../util/stable-hash.js';
import type { Proposal } from './proposal.js';
import { rebalance, resolveRebalanceOptions, type DroppedTrade, type RebalanceOptions, type RebalanceSummary } from './rebalance/index.js';

/** What the rebalance half of an evaluation produced. */
export interface RebalancePlan {
  readonly proposals: readonly Proposal[];
  readonly dropped: readonly DroppedTrade[];
  readonly summary: RebalanceSummary;
  /** symbol → target weight in percent, as resolved (equal weights expanded). */
  readonly targetsPct: Readonly<Record<string, number>>;
}

/** The decimal step of a fractional share when the policy allows fractions. */
const FRACTION_STEP = 0.000001;

/**
 * Translates a policy's `rebalance:` section into the options of {@link rebalance} (note 004). The run-wide limits
 * bound it too: it gets `limits.max_trades_per_run` minus the trades the exits already took, and the same
 * `limits.min_trade_value`.
 */
export function rebalanceOptions(policy: Policy, section: RebalancePolicy, tradesLeft: number): RebalanceOptions {
  return {
    targets: section.targets ? { weightsPct: section.targets } : { equal: section.equal ?? [] },
    cashTargetPct: section.cash_target_pct,
    bands: { absolutePp: section.bands.absolute_pp, relativePct: section.bands.relative_pct },
    to: section.to,
    ...(section.budget_amount !== undefined ? { budgetAmount: section.budget_amount } : { budgetPct: section.budget_pct ?? 10 }),
    mode: section.mode,
    ...(policy.fractional_shares ? { fractionalStep: FRACTION_STEP } : {}),
    maxTrades: Math.max(0, tradesLeft),
    minTradeValue: policy.limits.min_trade_value,
    maxPositionWeightPct: section.max_position_weight_pct,
    noBuy: section.no_buy,
    noSell: section.no_sell,
    ...(section.profit_take ? { profitTake: { gainPct: section.profit_take.gain_pct, boostPct: section.profit_take.boost_pct } } : {}),
    tilt: section.tilt,
  };
}

/**
 * Runs the rebalance on the holdings left after the exit rules and turns its trades into proposals
 * (`kind: 'rebalance'`, rule `rebalance`, tags from the trade: `drift`, `band_edge`, `profit_take`).
 * Throws `RebalanceError` for a target without a price.
 */
export function planRebalance(
  policy: Policy,
  section: RebalancePolicy,
  holdings: Holdings,
  prices: ReadonlyMap<string, number>,
  asOf: string,
  tradesLeft: number,
): RebalancePlan {
  const options = rebalanceOptions(policy, section, tradesLeft);
  const result = rebalance(holdings, prices, options);
  const held = new Map(holdings.positions.map((p) => [p.symbol, p.quantity]));
  const proposals = result.trades.map((trade): Proposal => {
    const idSource = `${policy.id}|${asOf}|rebalance|${trade.symbol}|${trade.side}|${trade.quantity}`;
    const exit = trade.side === 'sell' && trade.quantity >= (held.get(trade.symbol) ?? 0);
    return {
      id: `p-${stableHash(idSource).slice(0, 10)}`,
      policyId: policy.id,
      kind: 'rebalance',
      action: trade.side === 'buy' ? 'buy' : exit ? 'exit' : 'trim',
      ruleId: 'rebalance',
      symbol: trade.symbol,
      side: trade.side,
      quantity: trade.quantity,
      price: trade.price,
      notional: trade.notional,
      weightBeforePct: trade.liveWeightPct,
      weightAfterPct: trade.weightAfterPct,
      reason: trade.reason,
      alsoFired: [],
      tags: trade.tags,
    };
  });
  const targetsPct = Object.fromEntries(resolveRebalanceOptions(options).targetsPct);
  return { proposals, dropped: result.dropped, summary: result.summary, targetsPct };
}
