/**
 * Target weights of a rebalance, in percent of equity (note 004 §4.1 step 4).
 *
 * - `{ weightsPct: { AA: 10, KO: 10 } }`: one target weight per symbol; a `0` target means "sell it all".
 * - `{ equal: ['AA', 'KO'] }`: equal weight over the listed symbols, each `(100 − cashTargetPct) / n` percent
 *   (note 004 §13.1: equal weight when no targets are given).
 *
 * Held symbols that are not listed are counted in equity but never traded (note 004 §6.1: in-portfolio-only).
 */
export type RebalanceTargets =
  | { readonly weightsPct: Readonly<Record<string, number>> }
  | { readonly equal: readonly string[] };

/**
 * Drift band widths (note 004 §4.2). A symbol trades when |drift| ≥ `absolutePp` OR |drift| ≥ `relativePct` % of
 * its target weight, i.e. when |drift| ≥ min(absolutePp, relativePct / 100 × target). The common "5/25 rule" is
 * `{ absolutePp: 5, relativePct: 25 }`.
 */
export interface DriftBands {
  /** Absolute band in percentage points of equity. Default 2 (note 004 §12). */
  readonly absolutePp?: number;
  /** Relative band in percent of the target weight. Default 15 (note 004 §12). */
  readonly relativePct?: number;
}

/**
 * How far a drift trade goes: `target` trades back to the target weight; `band_edge` trades only back to the
 * nearest edge of the tightest band in force, `target ± min(absolutePp, relativePct / 100 × target)`.
 */
export type RebalanceGoal = 'target' | 'band_edge';

/** `buy_and_sell` trades both ways; `buy_only` never sells and puts cash into the most underweight names first. */
export type RebalanceMode = 'buy_and_sell' | 'buy_only';

/**
 * Winner/loser tilt applied after drift trades (note 004 §5.2). A winner has price > average cost, a loser
 * price < average cost (unrealized P&L since entry, note 004 §13.6); a symbol not held is neither.
 *
 * - `neutral`: drift trades as computed.
 * - `momentum` ("avoid losers; rebalance by trimming winners less aggressively"): buys of underweight losers are
 *   dropped (constraint `tilt`), and overweight winners are trimmed only to the band edge, even with `to: target`.
 * - `mean_reversion` ("buy losers when they're underweight"): buys of underweight losers get the first max_trades
 *   slots and the first claim on cash, and both those buys and trims of overweight winners go all the way to target,
 *   even with `to: band_edge`.
 */
export type TiltMode = 'neutral' | 'mean_reversion' | 'momentum';

/**
 * Profit-take overlay (note 004 §5.1): a sell of an overweight position whose unrealized gain is ≥ `gainPct`
 * is multiplied by (1 + `boostPct` / 100), capped by the holding and by the lower band edge (the boost never
 * pushes the position below `target − band`), and still subject to the budget.
 */
export interface ProfitTakeOverlay {
  /** Unrealized gain since entry that makes a winner, in percent (note 004 §12 suggests 20). */
  readonly gainPct: number;
  /** Extra sell value, in percent of the drift sell (note 004 §12 suggests 20). */
  readonly boostPct: number;
}

/**
 * Options of one rebalance run; they mirror the policy's future `rebalance:` section. Every field but `targets`
 * is optional; defaults are in {@link REBALANCE_DEFAULTS}. At most one of `budgetPct` / `budgetAmount` may be set.
 */
export interface RebalanceOptions {
  readonly targets: RebalanceTargets;
  /** Cash kept as a reserve, percent of equity; buys never spend it. Targets + cash target must be ≤ 100. Default 0. */
  readonly cashTargetPct?: number;
  readonly bands?: DriftBands;
  /** Default `target`. */
  readonly to?: RebalanceGoal;
  /** `breached` (default): only symbols outside their band trade; `all`: every target trades once any one is outside (bt). */
  readonly scope?: 'breached' | 'all';
  /** Budget as percent of equity (note 004 §4.3); default 10 (note 004 §12) when neither budget field is set. */
  readonly budgetPct?: number;
  /** Budget as an amount in base currency (note 004 §4.3). */
  readonly budgetAmount?: number;
  /** Default `buy_and_sell`. */
  readonly mode?: RebalanceMode;
  /** Fractional shares: trade in multiples of this step (e.g. 0.001); 1 / step must be a whole number. Default whole shares. */
  readonly fractionalStep?: number;
  /** Unrounded quantities and notionals (research and parity runs); wins over `fractionalStep`. Default false. */
  readonly unrounded?: boolean;
  /** Most trades per run, largest |drift| first (note 004 §7). Default unlimited. */
  readonly maxTrades?: number;
  /** Smallest trade notional in base currency (note 004 §7). Default 0. */
  readonly minTradeValue?: number;
  /** Buys never take a position above this weight, in percent (note 004 §7). Default 100. */
  readonly maxPositionWeightPct?: number;
  /** Symbols never bought (note 004 §7). */
  readonly noBuy?: readonly string[];
  /** Symbols never sold (note 004 §7). */
  readonly noSell?: readonly string[];
  /** Off unless set. */
  readonly profitTake?: ProfitTakeOverlay;
  /** Default `neutral`. */
  readonly tilt?: TiltMode;
}

/**
 * Defaults of the optional rebalance fields, from note 004 §12 where it gives one; constraints without a
 * universal value (max trades, min trade value in a currency, max position weight) are off by default.
 */
export const REBALANCE_DEFAULTS: {
  readonly cashTargetPct: number;
  readonly absoluteBandPp: number;
  readonly relativeBandPct: number;
  readonly to: RebalanceGoal;
  readonly budgetPct: number;
  readonly mode: RebalanceMode;
  readonly tilt: TiltMode;
} = {
  cashTargetPct: 0,
  absoluteBandPp: 2,
  relativeBandPct: 15,
  to: 'target',
  budgetPct: 10,
  mode: 'buy_and_sell',
  tilt: 'neutral',
};
