import type { CalendarCode } from '../market/calendars/get-calendar.js';
import type { CatchUpRule } from '../schedule/schedule.js';
import type { Condition as SchemaCondition, ScheduleEntry } from './policy-schema.generated.js';

/**
 * A validated policy, with every default filled in: the shape of `schemas/policy.schema.json`, kept equal to the
 * types generated from it (`npm run generate:types` writes `policy-schema.generated.ts`; tests/policy/policy-type.test.ts
 * fails when they disagree). Fields that validation or loading fill in (defaults, `name`) are required here.
 *
 * Field names are the YAML keys, so a reviewer reading code and a user reading YAML see the same words.
 * Units follow the suffix: `_pct` in percent (25 means 25%), money in `base_currency`, days in calendar days.
 */
export interface Policy {
  /** Path or URL of the schema, for editors. */
  readonly $schema?: string;
  readonly version: 1;
  readonly id: string;
  readonly name: string;
  readonly account: string;
  readonly base_currency: string;
  readonly time_zone: string;
  /** Session calendar of the schedules (`XNYS`, `XNSE`); absent means every day is a trading day. */
  readonly calendar?: CalendarCode;
  /** When `ballast serve` evaluates the policy (schedule entries as written; parsed by `policySchedules`). Default `[]`. */
  readonly schedules: readonly ScheduleEntry[];
  /** Missed-slot handling on start for schedules without their own `catch_up`. Default `latest`. */
  readonly catch_up: CatchUpRule;
  /** Calendar days the newest close a run uses may be older than the run's date; older prices refuse the run. Default 5. */
  readonly max_price_age_days: number;
  readonly fractional_shares: boolean;
  /** `standard`: whole shares (or fractional steps) and cents; `none`: unrounded quantities and money (replays). Default `standard`. */
  readonly rounding: 'standard' | 'none';
  /** Defaults of `ballast replay`: starting cash (base currency) and fill timing. Default `{}`. */
  readonly replay: { readonly capital?: number; readonly fill?: 'next-close' | 'same-close' };
  readonly approval: Approval;
  readonly dry_run: boolean;
  readonly auto_rebalancing: boolean;
  readonly execution: Execution;
  readonly exits: ExitRules;
  readonly limits: Limits;
  /**
   * Absent: no rebalancing (unless `strategies` is set, which then rebalances with note 000's defaults: no bands
   * beyond `allocation.min_trade_pct`, no budget).
   */
  readonly rebalance?: RebalancePolicy;
  readonly rules: readonly CustomRule[];
  /** Strategies whose combined targets the rebalance trades to (notes 000 and 003). Absent or empty: none. */
  readonly strategies?: readonly StrategyPolicy[];
  /** How capital is split across `strategies` and how their targets combine. Defaults filled in when `strategies` is set. */
  readonly allocation?: AllocationPolicy;
}

/** A built-in factor of a strategy signal (formulas in `src/strategy/factors/`). */
export type FactorName = 'volatility' | 'momentum' | 'kurtosis' | 'durbin_watson';

/** A signal computed from daily closes: one factor over `lookback` daily returns, ending `skip` sessions back (momentum). */
export interface FactorSignal {
  readonly factor: FactorName;
  /** Daily returns in the window (sessions); needs `lookback + 1` closes. Default 60. */
  readonly lookback: number;
  /** Momentum only: sessions left out at the end of the window. Default 0. */
  readonly skip: number;
}

/**
 * A signal read from a research file: CSV `date,symbol,weight` (weights as fractions of the sleeve) or
 * `date,symbol,score`. The rows of the latest date on or before the decision are used; a latest date more than
 * `max_age_days` calendar days old is an error, never a silently stale signal.
 */
export interface FileSignal {
  /** Path relative to the policy file. */
  readonly file: string;
  /** Default 5. */
  readonly max_age_days: number;
}

/** What a strategy ranks its universe by. */
export type StrategySignal = FactorSignal | FileSignal;

/**
 * One strategy (note 000): a universe, a signal, a selection and a weighting, rebalanced on its own period and
 * held in between. `rank` absent means the factor's usual direction (see `defaultRank`).
 */
export interface StrategyPolicy {
  /** snake_case id, unique in the policy; names the strategy in proposals, records and `sleeves.csv`. */
  readonly id: string;
  readonly name: string;
  /** `daily`, `every N trading days`, `weekly on monday`, `biweekly on monday`, `monthly on last_trading_day`, … Default `daily`. */
  readonly rebalance: string;
  /** `all` (every symbol with a price) or a list of symbols. Default `all`. */
  readonly universe: 'all' | readonly string[];
  readonly signal: StrategySignal;
  readonly rank?: 'ascending' | 'descending';
  /** Exactly one of `top` (best N) or `quantile` (best 1/Q, rounded up). Default `{ quantile: 5 }`. */
  readonly select: { readonly top?: number; readonly quantile?: number };
  readonly weighting: 'equal' | 'inverse_vol' | 'score';
  /** Percent of capital with `allocation.method: fixed`; required then, not allowed otherwise. */
  readonly allocation_pct?: number;
}

/** Allocation methods across strategies (note 003). */
export type AllocationMethod = 'fixed' | 'equal' | 'sharpe' | 'inverse_vol' | 'erc';

/**
 * The `allocation:` section: the method and its windows (sessions), when to re-allocate, the cap per strategy, and
 * the minimum combined target weight and trade size (note 000). Percent fields in percent.
 */
export interface AllocationPolicy {
  readonly method: AllocationMethod;
  /** Sessions between re-allocations (note 003: 21). */
  readonly every: number;
  /** Sleeve returns in the window of `sharpe`, `inverse_vol` and `erc` (note 003: 60). */
  readonly lookback: number;
  /** Fewer sleeve returns than this: Sharpe 0, volatility 1, ERC falls back to equal (note 003: 20). */
  readonly min_returns: number;
  /** Re-allocate only when some allocation moves by more than this, in percentage points (note 001). Default 2. */
  readonly threshold_pp: number;
  /** Cap per strategy, percent (note 001: 40). */
  readonly max_pct: number;
  /** Combined targets under this weight are dropped, percent (note 000: 1). */
  readonly min_weight_pct: number;
  /** Trades under this share of equity are not proposed, percent (note 000: 0.1). */
  readonly min_trade_pct: number;
}

/**
 * The `rebalance:` section (note 004): target weights, drift bands, budget and overlays. Exactly one of `targets` /
 * `equal`; at most one of `budget_pct` / `budget_amount` (checked by cross-field checks).
 */
export interface RebalancePolicy {
  readonly enabled: boolean;
  /** symbol → target weight in percent of equity. */
  readonly targets?: Readonly<Record<string, number>>;
  /** Equal weight over these symbols, or `all`: every symbol priced at the decision. */
  readonly equal?: readonly string[] | 'all';
  readonly cash_target_pct: number;
  readonly bands: { readonly absolute_pp: number; readonly relative_pct: number };
  readonly to: 'target' | 'band_edge';
  /** `breached`: only symbols outside their band trade; `all`: every target trades once any one is outside. */
  readonly scope: 'breached' | 'all';
  readonly budget_pct?: number;
  /** In base currency. */
  readonly budget_amount?: number;
  readonly mode: 'buy_and_sell' | 'buy_only';
  readonly max_position_weight_pct: number;
  readonly no_buy: readonly string[];
  readonly no_sell: readonly string[];
  readonly profit_take?: { readonly gain_pct: number; readonly boost_pct: number };
  readonly tilt: 'neutral' | 'mean_reversion' | 'momentum';
}

/**
 * Who decides proposals (`cli`, `telegram`, or `auto` when `auto_rebalancing` allows it) and how many hours a
 * pending proposal stays decidable (`expires_after_hours`, default 24).
 */
export interface Approval {
  readonly mode: 'cli' | 'telegram' | 'auto';
  readonly expires_after_hours: number;
}

/**
 * How the paper broker fills approved proposals: commission in basis points of notional with a per-trade minimum
 * in base currency, slippage in basis points of the quote, and the largest price move (percent of the proposal price)
 * accepted at the pre-execution re-check. All default 0 except `price_tolerance_pct` (2).
 */
export interface Execution {
  readonly commission_bps: number;
  readonly commission_min: number;
  readonly slippage_bps: number;
  readonly price_tolerance_pct: number;
}

/** The built-in exit and trim rules of note 002. */
export interface ExitRules {
  readonly take_profit: { readonly enabled: boolean; readonly gain_pct: number; readonly sell_pct: number };
  readonly cut_loss: { readonly enabled: boolean; readonly loss_pct: number; readonly hard_stop_pct: number };
  readonly stale: { readonly enabled: boolean; readonly days_held: number; readonly max_move_pct: number };
  readonly concentration: { readonly enabled: boolean; readonly max_weight_pct: number; readonly trim_to_pct: number };
}

/** Caps applied after the rules, in this order: `min_trade_value`, `max_exits_per_week`, `max_trades_per_run`. */
export interface Limits {
  readonly max_exits_per_week: number;
  readonly max_trades_per_run: number;
  /** In base currency. */
  readonly min_trade_value: number;
}

/** A custom rule in json-rules-engine's condition syntax. */
export interface CustomRule {
  readonly id: string;
  readonly description?: string;
  readonly priority: number;
  readonly conditions: Condition;
  readonly event: {
    readonly type: 'exit' | 'trim';
    readonly params: { readonly sell_pct: number; readonly message?: string };
  };
}

/**
 * One node of a condition tree: a block (`all`, `any`, `not`) or a test (`fact`, `operator`, `value`), with fact and
 * operator names as the schema lists them.
 */
export type Condition = DeepReadonly<SchemaCondition>;

/** `T` read-only at every depth. */
type DeepReadonly<T> = T extends readonly unknown[] ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
