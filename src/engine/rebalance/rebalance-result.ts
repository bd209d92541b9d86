import type { Side } from '../proposal.js';

/**
 * Why a trade exists or how it was sized: `drift` (outside its band, note 004 §4.2), `band_edge` (sized only to
 * the band edge), `profit_take` (boosted by the profit-take overlay, note 004 §5.1).
 */
export type RebalanceTag = 'drift' | 'band_edge' | 'profit_take';

/** A constraint that dropped or cut a drift trade (note 004 §4.3, §4.4, §5.2, §7). */
export type RebalanceConstraint =
  | 'budget'
  | 'max_trades'
  | 'min_trade_value'
  | 'max_position_weight'
  | 'no_buy'
  | 'no_sell'
  | 'buy_only'
  | 'cash'
  | 'rounds_to_zero'
  | 'tilt';

/**
 * One proposed rebalance trade. Money in base currency, weights in percent of equity, drift in percentage points.
 * `notional` = quantity × price rounded half away from zero to cents; `weightAfterPct` is the weight after this
 * trade at `price` (equity does not change when trading at the given prices).
 */
export interface RebalanceTrade {
  readonly symbol: string;
  readonly side: Side;
  /** Shares, > 0; whole unless `fractionalStep` is set. */
  readonly quantity: number;
  /** Shares held before the trade. */
  readonly heldQuantity: number;
  readonly price: number;
  readonly notional: number;
  readonly liveWeightPct: number;
  readonly targetWeightPct: number;
  /** live − target before the trade, in pp. */
  readonly driftPp: number;
  readonly weightAfterPct: number;
  readonly tags: readonly RebalanceTag[];
  /** A sentence with the real numbers: "KO at 14.2% vs 10% target (drift +4.2 pp, band 1.5 pp): sell 21 sh to target". */
  readonly reason: string;
}

/** A drift trade that a constraint removed (`dropped`) or made smaller (`cut`), with the numbers in `detail`. */
export interface DroppedTrade {
  readonly symbol: string;
  readonly side: Side;
  readonly constraint: RebalanceConstraint;
  readonly effect: 'dropped' | 'cut';
  readonly detail: string;
}

/**
 * Summary metrics of a rebalance run (note 004 §9). Money in base currency rounded to cents.
 * `turnoverPct` is two-way: (total buy + total sell) / equity × 100 (note 004 §2). `budgetUsedPct` is
 * max(total buy, total sell) / budget × 100, the one-way measure the budget bounds (note 004 §4.3); 0 when the
 * budget is 0. Max drifts are over the targeted symbols, after = at the given prices with the trades applied.
 */
export interface RebalanceSummary {
  readonly equity: number;
  readonly cashBefore: number;
  readonly cashAfter: number;
  readonly totalBuy: number;
  readonly totalSell: number;
  readonly turnoverPct: number;
  readonly budget: number;
  readonly budgetUsedPct: number;
  /** The §4.3 factor min(1, budget / max(total buy, total sell)) applied before rounding; 1 when nothing was scaled. */
  readonly budgetScale: number;
  readonly maxAbsDriftBeforePp: number;
  readonly maxAbsDriftAfterPp: number;
  readonly tradeCount: number;
}

/** What {@link rebalance} returns: the trades (sells first, then buys in funding order), the dropped list, the summary. */
export interface RebalanceResult {
  readonly trades: readonly RebalanceTrade[];
  readonly dropped: readonly DroppedTrade[];
  readonly summary: RebalanceSummary;
}
