/* Generated from schemas/policy.schema.json by `npm run generate:types`: do not edit. A property with a default is required (validation fills it in). */

/**
 * When a policy is evaluated, and which of its sections run then. Defaults are stated in each description and applied by the parser (src/schedule/parse-schedule.ts), not by the schema: ajv ignores defaults inside anyOf. Either a text such as "daily at 16:30" (id derived from it, runs: [all]) or an object with exactly one of when, cron or every. Times are 24-hour HH:MM wall-clock times in the policy's time_zone; dates are looked up in the policy's calendar.
 */
export type ScheduleEntry =
  | string
  | ((
      | {
          when: string;
        }
      | {
          cron: string;
        }
      | {
          every: string;
        }
    ) & {
      /**
       * Schedule id, unique within the policy; part of every slot key, so renaming it re-runs nothing but forgets the last recorded slot. 1-64 of a-z, 0-9, _ and -. Default: derived from the when/cron/every text, e.g. daily_at_16_30.
       */
      id?: string;
      /**
       * Free text for readers of the policy; not used by Ballast. Default: none.
       */
      description?: string;
      /**
       * When it runs, in words: daily at HH:MM (every trading day) | weekly on <weekday> at HH:MM | biweekly on <weekday> at HH:MM (even ISO weeks, or every 14 days from anchor) | monthly on last_trading_day|first_trading_day|<day 1-31> at HH:MM | quarterly on … at HH:MM (March, June, September, December) | every N days at HH:MM | every N trading days at HH:MM (both need anchor). HH:MM is 24-hour local time in the policy time_zone. No default: give one of when, cron or every.
       */
      when?: string;
      /**
       * Five-field cron expression "minute hour day-of-month month day-of-week" in the policy time_zone, in node-cron's dialect: *, lists, ranges (an inverted one such as fri-mon wraps around), steps, names such as mon or jan, and in the day fields ? (any), L (last day of the month), L-2, 15W (weekday nearest the 15th), LW, mon#1 (first Monday) and 5L (last Friday). No seconds field. Restricting both day fields is refused as ambiguous. A slot on a day that is not a session of the policy calendar moves by roll. No default: give one of when, cron or every.
       */
      cron?: string;
      /**
       * Fixed interval counted from anchor: N days (calendar days) or N trading days (sessions of the policy calendar), optionally with the time ("14 days at 15:10"). Needs anchor, and at unless the time is in the text. No default: give one of when, cron or every.
       */
      every?: string;
      /**
       * Time of day for every: 24-hour HH:MM wall-clock time in the policy time_zone. Only with every. Default: none (required with every unless every contains the time).
       */
      at?: string;
      /**
       * Start date YYYY-MM-DD (local date in the policy time_zone) that fixes the phase of every N days, every N trading days (must be a trading day) and, optionally, biweekly (every second week counted from the anchor's week instead of even ISO weeks). Default: none.
       */
      anchor?: string;
      /**
       * What is evaluated at each slot: sections, built-in rules or custom rule ids (as written in rules, dashes included), e.g. [take_profit, cut_loss, slow-bleed]; [all] runs everything and must stand alone. Default: [all].
       *
       * @minItems 1
       *
       * Items: all, a section (exits, rules, rebalance), a built-in rule (take_profit, cut_loss, stale, concentration) or the id of one of the policy's custom rules exactly as written in rules, e.g. slow-bleed.
       */
      runs?: string[];
      /**
       * What happens to a slot whose date is not a trading day of the policy calendar: next = next trading day, previous = previous trading day (same wall time), skip = drop it, none = run on that day anyway. Default: next; for a schedule that only names weekend days (e.g. weekly on saturday) the default is none and next/previous/skip are refused.
       */
      roll?: 'next' | 'previous' | 'skip' | 'none';
      /**
       * After downtime: latest = run the most recent missed slot once (never every missed slot); none = run nothing until the next slot. Default: latest.
       */
      catch_up?: 'latest' | 'none';
    });
/**
 * A ticker symbol in upper case, as the price file names it, e.g. `KO` or `BRK.B`.
 */
export type Ticker = string;

/**
 * One bot/account's exit, trim and rebalancing policy. Every field has a default except `id` and `account`.
 */
export interface BallastPolicy {
  /**
   * Optional path or URL of this schema, for editors.
   */
  $schema?: string;
  /**
   * Policy format version. Write `1`.
   */
  version: 1;
  /**
   * Policy id: lower-case letters, digits and dashes, e.g. `dee-bot`. Names the bot in messages, records and example files. No default.
   */
  id: string;
  /**
   * Human-readable bot name shown in messages, e.g. `DEE-BOT (defensive)`. Default: the `id`.
   */
  name?: string;
  /**
   * Broker account this policy trades, e.g. `paper-dee`. No default.
   */
  account: string;
  /**
   * ISO 4217 currency of prices, cash and every money amount in this file, e.g. `USD`, `INR`. Default: `USD`.
   */
  base_currency: string;
  /**
   * IANA time zone the policy's dates and times are read in, e.g. `America/New_York`, `Asia/Kolkata`. Default: `America/New_York`.
   */
  time_zone: string;
  /**
   * Exchange session calendar the schedules follow: `XNYS` (NYSE, 1990-2027) or `XNSE` (NSE India, 2023-2026). `daily` runs on its sessions, `last_trading_day` is its last session of the month, and a slot on a holiday or weekend is rolled as each schedule's `roll` says. Default: none (every day is a trading day, e.g. a 24/7 market).
   */
  calendar?: 'XNYS' | 'XNSE';
  /**
   * When `ballast serve` evaluates this policy, several schedules allowed, each in `time_zone` and naming the sections or rules it runs, e.g. `{ id: daily_guards, when: "daily at 16:30", runs: [take_profit, cut_loss] }` and `{ id: weekly_review, when: "weekly on saturday at 11:55" }`. See schemas/schedule.schema.json. Default: `[]` (never scheduled; `ballast run` and `ballast evaluate` still work).
   */
  schedules: ScheduleEntry[];
  /**
   * What `ballast serve` does on start about slots missed while it was down, for every schedule without its own `catch_up`: `latest` runs the most recent missed slot once (never every missed slot), `none` waits for the next slot. Default: `latest`.
   */
  catch_up: 'latest' | 'none';
  /**
   * How many calendar days the newest close a run uses may be older than the run's date. Older prices refuse the run (a price feed that stopped updating must not trade). Default: 5 (a long weekend with a holiday).
   */
  max_price_age_days: number;
  /**
   * Whether proposals may trade fractions of a share (rounded down to 0.000001 share). Default: false (whole shares).
   */
  fractional_shares: boolean;
  /**
   * `standard` (default): whole shares (or `fractional_shares` steps) and money in cents, as the paper broker. `none`: quantities and money unrounded, for research and parity runs (a replay with `none` matches bt's `integer_positions=False`); the paper ledger keeps cents, so use it in replays.
   */
  rounding: 'standard' | 'none';
  approval: Approval;
  /**
   * Propose and record only: decisions are stored but nothing is ever executed, whatever `approval.mode` says. Default: false.
   */
  dry_run: boolean;
  /**
   * Master switch for automatic execution (`ENABLE_AUTO_REBALANCING`): with `approval.mode: auto`, proposals are approved and executed without a person only when this is true. `BALLAST_AUTO_REBALANCING=off` in the environment turns it off for every policy. Default: false.
   */
  auto_rebalancing: boolean;
  execution: Execution;
  exits: ExitRules;
  limits: Limits;
  rebalance?: Rebalancing;
  /**
   * Custom rules in json-rules-engine's condition syntax, evaluated per position after the built-in rules. Default: none.
   */
  rules: CustomRule[];
  /**
   * Strategies, each with its own rebalance period, signal and sleeve. Their net targets (Σ allocation × strategy weight) go through the `rebalance:` machinery after the exit rules; `rebalance:` then gives bands, budget and constraints but no `targets`/`equal`, and without it every trade of at least `allocation.min_trade_pct` is proposed with no budget. Buys of symbols not held are proposed as entries.
   *
   * @maxItems 20
   */
  strategies?: Strategy[];
  allocation?: AllocationAcrossStrategies;
  replay: ReplayDefaults;
}
/**
 * Who decides proposals and how long they may wait. A proposal is pending until approved, rejected or expired; approved proposals are executed by the paper broker (unless `dry_run`).
 */
export interface Approval {
  /**
   * `cli`: decide in the terminal with `ballast pending` / `ballast approve <id…>` / `ballast reject <id…>`. `telegram`: each run is posted to the Telegram chat with Approve / Reject buttons (needs `BALLAST_TELEGRAM_TOKEN`; the CLI commands still work). `auto`: approved and executed right after the run, only while `auto_rebalancing` is true and the environment does not set `BALLAST_AUTO_REBALANCING=off`; otherwise proposals wait as with `cli`. Default: `cli`.
   */
  mode: 'cli' | 'telegram' | 'auto';
  /**
   * Hours after the run that a pending proposal can still be approved; later it is marked `expired` and never executed. Default: 24.
   */
  expires_after_hours: number;
}
/**
 * How the paper broker fills approved proposals: costs, and how far the price may move between proposal and execution.
 */
export interface Execution {
  /**
   * Commission in basis points of the fill notional (10 = 0.10%). Default: 0.
   */
  commission_bps: number;
  /**
   * Minimum commission per trade, in base currency; give whole cents (e.g. 1.00). Default: 0.
   */
  commission_min: number;
  /**
   * Slippage in basis points of the quote, always against the trade (buys fill higher, sells lower). Default: 0.
   */
  slippage_bps: number;
  /**
   * Before executing, the price is re-checked; a move of more than this percent from the proposal price marks the proposal `stale` instead of executing it. Default: 2.
   */
  price_tolerance_pct: number;
}
/**
 * Built-in exit and trim rules. Each rule runs with its defaults unless you set `enabled: false`.
 */
export interface ExitRules {
  take_profit: TakeProfit;
  cut_loss: CutLoss;
  stale: StalePosition;
  concentration: Concentration;
}
/**
 * Sell part of a winner: fires when unrealized P&L is at or above `gain_pct`.
 */
export interface TakeProfit {
  /**
   * Whether the take-profit rule runs. Default: true.
   */
  enabled: boolean;
  /**
   * Gain since entry (price vs average cost), in percent, at or above which the rule fires. Default: 25.
   */
  gain_pct: number;
  /**
   * Share of the position to sell, in percent of the quantity held; rounded down to whole shares. 100 closes the position. Default: 50.
   */
  sell_pct: number;
}
/**
 * Close a loser before it reaches the hard stop: fires when unrealized P&L is at or below −`loss_pct`.
 */
export interface CutLoss {
  /**
   * Whether the cut-loss rule runs. Default: true.
   */
  enabled: boolean;
  /**
   * Loss since entry, in percent (write 12 for −12%), at or beyond which the whole position is sold. Must be smaller than `hard_stop_pct`. Default: 12.
   */
  loss_pct: number;
  /**
   * The broker's hard stop, in percent below average cost (write 15 for −15%). The cut-loss must fire before it. Default: 15.
   */
  hard_stop_pct: number;
}
/**
 * Close a position that has gone nowhere: held at least `days_held` days and moved less than `max_move_pct` either way since entry.
 */
export interface StalePosition {
  /**
   * Whether the stale-position rule runs. Default: true.
   */
  enabled: boolean;
  /**
   * Calendar days since the position was opened, at or above which it can be stale. Default: 30.
   */
  days_held: number;
  /**
   * Largest move since entry, in percent either way, that still counts as going nowhere (the rule fires below it). Default: 5.
   */
  max_move_pct: number;
}
/**
 * Trim a position that has grown too large: fires when its weight is at or above `max_weight_pct` of equity, and sells back to `trim_to_pct`.
 */
export interface Concentration {
  /**
   * Whether the concentration rule runs. Default: true.
   */
  enabled: boolean;
  /**
   * Position weight, in percent of equity, at or above which the rule fires. Default: 20.
   */
  max_weight_pct: number;
  /**
   * Weight to trim back to, in percent of equity; the quantity is rounded up so the position ends at or below it. Must be below `max_weight_pct`. Default: 15.
   */
  trim_to_pct: number;
}
/**
 * Caps applied after the rules fire, in a fixed order: minimum trade value, weekly exit cap, trades per run. `max_trades_per_run` and `min_trade_value` also bound the rebalance: it gets the trades the exits left.
 */
export interface Limits {
  /**
   * Most positions that exits and trims may touch in any rolling 7 days, counting those already recorded. Default: 5.
   */
  max_exits_per_week: number;
  /**
   * Most proposals one run may make. Default: 10.
   */
  max_trades_per_run: number;
  /**
   * Smallest trade worth proposing, in base currency (notional). Smaller ones are dropped and reported. Default: 0.
   */
  min_trade_value: number;
}
/**
 * Target-weight rebalancing: after the exit rules, trade the portfolio back toward its target weights when a symbol drifts outside its band. Leave the section out for no rebalancing. Give either `targets` or `equal`; with `strategies`, give neither: the strategies' combined targets are traded, with these bands, budget and constraints.
 */
export interface Rebalancing {
  /**
   * Whether rebalancing runs. Default: true.
   */
  enabled: boolean;
  /**
   * Target weight per symbol, in percent of equity, e.g. `{ KO: 10, PG: 12.5 }`. With the cash target they must sum to at most 100. No default: give `targets` or `equal`.
   */
  targets?: {
    /**
     * Target weight of this symbol, in percent of equity.
     */
    [k: string]: number;
  };
  /**
   * Equal weight over these symbols: each gets (100 − `cash_target_pct`) / count percent; or `all`: every symbol of the price file that has a price at the decision (as bt's SelectAll). Alternative to `targets`.
   */
  equal?: Ticker[] | 'all';
  /**
   * Cash kept as a reserve, in percent of equity; buys never spend it. Default: 0.
   */
  cash_target_pct: number;
  bands: DriftBands;
  /**
   * How far a trade goes: `target` all the way back to the target weight, `band_edge` only back to the edge of the band. Default: `target`.
   */
  to: 'target' | 'band_edge';
  /**
   * Which symbols trade when drift is outside the band: `breached` (default) only those outside their band; `all` every target back to its target as soon as any one is outside its band (bt's RunIfOutOfBounds + Rebalance).
   */
  scope: 'breached' | 'all';
  /**
   * Most value traded in one direction per run, in percent of equity; all trades scale down together to fit. Default: 10 when no `budget_amount` is given.
   */
  budget_pct?: number;
  /**
   * Most value traded in one direction per run, in base currency; alternative to `budget_pct`.
   */
  budget_amount?: number;
  /**
   * `buy_and_sell` trades both ways; `buy_only` never sells and puts available cash into the most underweight names first. Default: `buy_and_sell`.
   */
  mode: 'buy_and_sell' | 'buy_only';
  /**
   * Buys never take a position above this weight, in percent of equity. Default: 100.
   */
  max_position_weight_pct: number;
  /**
   * Symbols never bought by the rebalance. Default: none.
   */
  no_buy: Ticker[];
  /**
   * Symbols never sold by the rebalance. Default: none.
   */
  no_sell: Ticker[];
  /**
   * Profit-take overlay: an overweight winner up at least `gain_pct` sells `boost_pct` more than its drift trade, within the budget. Off unless given.
   */
  profit_take?: {
    /**
     * Gain since entry, in percent, that makes a winner, e.g. 20.
     */
    gain_pct: number;
    /**
     * Extra sell value, in percent of the drift sell, e.g. 20.
     */
    boost_pct: number;
  };
  /**
   * Winner/loser tilt after the drift trades: `neutral` trades drift only; `momentum` skips buying underweight losers and trims overweight winners only to the band edge; `mean_reversion` buys underweight losers first and trades losers and winners all the way to target. The day's winners% is never a trigger. Default: `neutral`.
   */
  tilt: 'neutral' | 'mean_reversion' | 'momentum';
}
/**
 * Drift bands: a symbol trades when |live − target| is at least `absolute_pp` OR at least `relative_pct` of its target. The 5/25 rule is `{ absolute_pp: 5, relative_pct: 25 }`.
 */
export interface DriftBands {
  /**
   * Absolute band, in percentage points of equity. Default: 2.
   */
  absolute_pp: number;
  /**
   * Relative band, in percent of the target weight. Default: 15.
   */
  relative_pct: number;
}
/**
 * A rule of your own: when `conditions` hold for a position, propose what `event` says.
 */
export interface CustomRule {
  /**
   * Rule id, lower-case, e.g. `fade-gap`. Proposals name it as `custom:<id>`.
   */
  id: string;
  /**
   * What the rule is for, shown in the proposal's reason.
   */
  description?: string;
  /**
   * Order among custom rules when a cap binds: higher wins. Default: 1.
   */
  priority: number;
  conditions: Condition;
  /**
   * What to propose when the conditions hold.
   */
  event: {
    /**
     * `exit` sells the whole position; `trim` sells `params.sell_pct` of it.
     */
    type: 'exit' | 'trim';
    /**
     * Details of the proposal.
     */
    params: {
      /**
       * For `trim`: share of the position to sell, in percent; rounded down to whole shares. Default: 50.
       */
      sell_pct: number;
      /**
       * Extra words for the proposal's reason, e.g. `earnings in 2 days`.
       */
      message?: string;
    };
  };
}
/**
 * A top-level `all`, `any` or `not` block.
 */
export interface Condition {
  /**
   * Holds when every condition in the list holds.
   *
   * @minItems 1
   */
  all?: Condition1[];
  /**
   * Holds when at least one condition in the list holds.
   *
   * @minItems 1
   */
  any?: Condition1[];
  not?: Condition2;
  /**
   * A position or account fact: `symbol`, `quantity`, `average_cost`, `opened_date`, `price`, `market_value`, `weight_pct`, `unrealized_pnl`, `unrealized_pnl_pct`, `days_held`, `move_since_entry_pct`, `equity`, `cash`.
   */
  fact?:
    | 'symbol'
    | 'quantity'
    | 'average_cost'
    | 'opened_date'
    | 'price'
    | 'market_value'
    | 'weight_pct'
    | 'unrealized_pnl'
    | 'unrealized_pnl_pct'
    | 'days_held'
    | 'move_since_entry_pct'
    | 'equity'
    | 'cash';
  /**
   * How to compare the fact with `value`: `equal`, `notEqual`, `lessThan`, `lessThanInclusive`, `greaterThan`, `greaterThanInclusive`, `in`, `notIn`, `contains`, `doesNotContain`.
   */
  operator?:
    | 'equal'
    | 'notEqual'
    | 'lessThan'
    | 'lessThanInclusive'
    | 'greaterThan'
    | 'greaterThanInclusive'
    | 'in'
    | 'notIn'
    | 'contains'
    | 'doesNotContain';
  /**
   * What the fact is compared with, in the fact's unit (percent for `_pct` facts, base currency for money, days for `days_held`).
   */
  value?: number | string | boolean | unknown[];
}
/**
 * Either a block (`all`, `any` or `not`) or a test (`fact`, `operator`, `value`), as in json-rules-engine.
 */
export interface Condition1 {
  /**
   * Holds when every condition in the list holds.
   *
   * @minItems 1
   */
  all?: Condition1[];
  /**
   * Holds when at least one condition in the list holds.
   *
   * @minItems 1
   */
  any?: Condition1[];
  not?: Condition2;
  /**
   * A position or account fact: `symbol`, `quantity`, `average_cost`, `opened_date`, `price`, `market_value`, `weight_pct`, `unrealized_pnl`, `unrealized_pnl_pct`, `days_held`, `move_since_entry_pct`, `equity`, `cash`.
   */
  fact?:
    | 'symbol'
    | 'quantity'
    | 'average_cost'
    | 'opened_date'
    | 'price'
    | 'market_value'
    | 'weight_pct'
    | 'unrealized_pnl'
    | 'unrealized_pnl_pct'
    | 'days_held'
    | 'move_since_entry_pct'
    | 'equity'
    | 'cash';
  /**
   * How to compare the fact with `value`: `equal`, `notEqual`, `lessThan`, `lessThanInclusive`, `greaterThan`, `greaterThanInclusive`, `in`, `notIn`, `contains`, `doesNotContain`.
   */
  operator?:
    | 'equal'
    | 'notEqual'
    | 'lessThan'
    | 'lessThanInclusive'
    | 'greaterThan'
    | 'greaterThanInclusive'
    | 'in'
    | 'notIn'
    | 'contains'
    | 'doesNotContain';
  /**
   * What the fact is compared with, in the fact's unit (percent for `_pct` facts, base currency for money, days for `days_held`).
   */
  value?: number | string | boolean | unknown[];
}
/**
 * Either a block (`all`, `any` or `not`) or a test (`fact`, `operator`, `value`), as in json-rules-engine.
 */
export interface Condition2 {
  /**
   * Holds when every condition in the list holds.
   *
   * @minItems 1
   */
  all?: Condition1[];
  /**
   * Holds when at least one condition in the list holds.
   *
   * @minItems 1
   */
  any?: Condition1[];
  not?: Condition2;
  /**
   * A position or account fact: `symbol`, `quantity`, `average_cost`, `opened_date`, `price`, `market_value`, `weight_pct`, `unrealized_pnl`, `unrealized_pnl_pct`, `days_held`, `move_since_entry_pct`, `equity`, `cash`.
   */
  fact?:
    | 'symbol'
    | 'quantity'
    | 'average_cost'
    | 'opened_date'
    | 'price'
    | 'market_value'
    | 'weight_pct'
    | 'unrealized_pnl'
    | 'unrealized_pnl_pct'
    | 'days_held'
    | 'move_since_entry_pct'
    | 'equity'
    | 'cash';
  /**
   * How to compare the fact with `value`: `equal`, `notEqual`, `lessThan`, `lessThanInclusive`, `greaterThan`, `greaterThanInclusive`, `in`, `notIn`, `contains`, `doesNotContain`.
   */
  operator?:
    | 'equal'
    | 'notEqual'
    | 'lessThan'
    | 'lessThanInclusive'
    | 'greaterThan'
    | 'greaterThanInclusive'
    | 'in'
    | 'notIn'
    | 'contains'
    | 'doesNotContain';
  /**
   * What the fact is compared with, in the fact's unit (percent for `_pct` facts, base currency for money, days for `days_held`).
   */
  value?: number | string | boolean | unknown[];
}
/**
 * One strategy: a universe, a signal that ranks it, a selection and a weighting, rebalanced on its own period and held in between. Its sleeve (its held signal at its allocated capital, marked to market every session) gives its returns for the allocation and the attribution.
 */
export interface Strategy {
  /**
   * Strategy id in snake_case, unique in the policy, e.g. `low_vol`. Proposals, runs, `sleeves.csv` and `allocations.csv` name the strategy by it.
   */
  id: string;
  /**
   * What people read, e.g. `Low volatility (daily)`. Default: the id.
   */
  name?: string;
  /**
   * How often the strategy computes a new signal; in between it holds its last one. `daily` (every session), `every 7 trading days` (counted from its last rebalance, `rebalance_days`), `weekly on monday`, `biweekly on monday` (even ISO weeks), `monthly on last_trading_day`, `monthly on 15`, `quarterly on first_trading_day` (the trading-day forms need `calendar`). A date that is not a session rebalances at the next session. Every strategy rebalances on its first run. Default: `daily`.
   */
  rebalance: string;
  /**
   * The symbols the strategy ranks: `all` (every symbol with a price at the decision session) or a list such as `[AA, BA, KO]`. Default: `all`.
   */
  universe: 'all' | Ticker[];
  /**
   * What ranks the universe: a built-in `factor` over daily closes, or a research `file`. Give one of them.
   */
  signal: {
    /**
     * A built-in factor over the last `lookback` daily returns r_t = P_t / P_{t−1} − 1. `volatility`: std(r, ddof 1) × √252 (ffn, empyrical). `momentum`: P_{t−s} / P_{t−s−L} − 1 with L = `lookback`, s = `skip` (Jegadeesh & Titman 1993). `kurtosis`: sample excess kurtosis, bias-corrected G2 (Joanes & Gill 1998; pandas `kurt()`). `durbin_watson`: Σ(e_t − e_{t−1})² / Σe_t² over demeaned returns e (statsmodels `durbin_watson`), about 2(1 − ρ₁): near 2 no autocorrelation, low trending, high mean-reverting.
     */
    factor?: 'volatility' | 'momentum' | 'kurtosis' | 'durbin_watson';
    /**
     * Daily returns in the factor's window (needs lookback + 1 closes; momentum: sessions between the two closes). Default: 60.
     */
    lookback?: number;
    /**
     * `momentum` only: latest sessions left out of the window (21 for the classic 12 − 1 month momentum). Default: 0.
     */
    skip?: number;
    /**
     * A research signal file, relative to this policy file: CSV `date,symbol,weight` (weights as fractions of the sleeve, used as given) or `date,symbol,score` (ranked, selected and weighted like a factor). The rows of the latest date on or before the decision are used.
     */
    file?: string;
    /**
     * With `file`: the latest signal may be at most this many calendar days old at the decision; an older one is an error naming the file and its last date, never a silently stale signal. Default: 5.
     */
    max_age_days?: number;
  };
  /**
   * `ascending`: lowest value first; `descending`: highest first. Default: the factor's usual direction (volatility and kurtosis ascending, momentum and durbin_watson descending; scores descending).
   */
  rank?: 'ascending' | 'descending';
  /**
   * How many of the ranked names the strategy holds: `{ top: 10 }` or `{ quantile: 5 }` (the best fifth, rounded up). Default: `{ quantile: 5 }`.
   */
  select: {
    /**
     * The best N names.
     */
    top?: number;
    /**
     * The best 1/Q of the ranked names, rounded up: 5 = top quintile, 10 = top decile.
     */
    quantile?: number;
  };
  /**
   * How the selected names are weighed in the sleeve: `equal` (1/n), `inverse_vol` (1/σ normalized, σ over the factor's lookback or 60 sessions), `score` (linear by rank: the best of n gets n parts, the last 1 part). Default: `equal`.
   */
  weighting: 'equal' | 'inverse_vol' | 'score';
  /**
   * With `allocation.method: fixed`: this strategy's share of capital, in percent. All strategies' `allocation_pct` sum to at most 100; the rest is cash.
   */
  allocation_pct?: number;
}
/**
 * How capital is split across `strategies`, when it is re-allocated, and how the strategies' targets combine. Filled with these defaults when `strategies` is set.
 */
export interface AllocationAcrossStrategies {
  /**
   * `fixed`: each strategy's `allocation_pct`. `equal`: 1/n. `sharpe`: ∝ max(Sharpe, 0) of each sleeve over `lookback`, equal when none is positive. `inverse_vol`: 1/σ of sleeve returns normalized, σ = 1 under `min_returns` returns (ffn `calc_inv_vol_weights`). `erc`: equal risk contribution w_i(Σw)_i on the sample covariance of sleeve returns, by cyclical coordinate descent (Griveau-Billion, Richard & Roncalli 2013; ffn `calc_erc_weights`). Default: `equal`.
   */
  method: 'fixed' | 'equal' | 'sharpe' | 'inverse_vol' | 'erc';
  /**
   * Sessions between re-allocations (21, about a month). Default: 21.
   */
  every: number;
  /**
   * Sleeve returns the `sharpe`, `inverse_vol` and `erc` methods look at (60). Default: 60.
   */
  lookback: number;
  /**
   * Under this many sleeve returns: Sharpe counts as 0, volatility as 1, and `erc` falls back to equal (20). Default: 20.
   */
  min_returns: number;
  /**
   * A re-allocation is adopted only when some strategy's allocation moves by more than this, in percentage points (rebalance when the allocation change exceeds a threshold). Default: 2.
   */
  threshold_pp: number;
  /**
   * Cap per strategy, in percent of capital (40% max); the excess goes to the others, or stays cash when all are capped. Default: 40.
   */
  max_pct: number;
  /**
   * Combined targets under this weight are dropped (1%). Default: 1.
   */
  min_weight_pct: number;
  /**
   * Trades under this share of equity are not proposed (0.1%). Default: 0.1.
   */
  min_trade_pct: number;
}
/**
 * Defaults of `ballast replay` for this policy; its options override them.
 */
export interface ReplayDefaults {
  /**
   * Cash a replay starts from, in base currency (`--capital`). Default: 100000.
   */
  capital?: number;
  /**
   * When replayed decisions fill (`--fill`): `next-close` (default, no look-ahead) at the first close after the session the decision saw, `same-close` at that session's close (as bt and vectorbt).
   */
  fill?: 'next-close' | 'same-close';
}
