import type { AllocationMethod } from '../policy/policy.js';
import type { Combination } from './combine-targets.js';
import type { NettingReport } from './net-orders.js';
import type { StrategyState } from './strategy-state.js';

/** What one strategy did in a run: rebalanced (with why) or held (with the sessions to its next rebalance). */
export interface StrategyDecision {
  readonly strategyId: string;
  readonly name: string;
  /** The `rebalance:` text, normalized: `daily`, `every 7 trading days`, `weekly on monday`. */
  readonly period: string;
  readonly action: 'rebalanced' | 'held';
  /** Why: "first run", "every 7 trading days: 7 sessions since 1991-01-02", "holding dw, 6 sessions to its next rebalance". */
  readonly why: string;
  /** Session of the last rebalance (today when it rebalanced), `YYYY-MM-DD`. */
  readonly lastRebalance: string;
  /** Sessions from this one to the next rebalance; undefined when the calendar does not reach it. */
  readonly sessionsToNext: number | undefined;
  readonly signalDate: string;
  /** The signal held after the run: symbol → weight, fraction of the sleeve. */
  readonly weights: Readonly<Record<string, number>>;
  /** Allocation in force, fraction of capital. */
  readonly allocation: number;
  /** Sleeve equity at the session's close after its trades, base currency. */
  readonly equity: number;
  /** Sleeve P&L since it started: equity − capital allocated in, base currency. */
  readonly pnl: number;
  /** Virtual trading costs paid so far, base currency. */
  readonly costs: number;
  /** Names without enough history, weights scaled, stale-looking inputs: what a reader should know. */
  readonly notes: readonly string[];
}

/** The allocation across strategies after a run, and whether it was re-computed and changed. */
export interface AllocationDecision {
  readonly method: AllocationMethod;
  /**
   * `initial` (first run), `changed` (re-computed and moved by more than the threshold, or the strategies or the
   * allocation section changed), `kept` (re-computed, every move within the threshold), `not_due`.
   */
  readonly action: 'initial' | 'changed' | 'kept' | 'not_due';
  /** strategy id → allocation in force, fraction of capital. */
  readonly weights: Readonly<Record<string, number>>;
  /** What a re-computation proposed (when it ran). */
  readonly proposed?: Readonly<Record<string, number>>;
  /** Largest |proposed − previous| in percentage points (when it ran and there was a previous allocation). */
  readonly largestMovePp?: number;
  readonly basis: string;
  /** Sessions to the next re-computation. */
  readonly sessionsToNext: number;
}

/** Every sleeve at one session's close (after that session's sleeve trades). Money in base currency. */
export interface SleeveMark {
  readonly date: string;
  /** strategy id → sleeve equity. */
  readonly equity: Readonly<Record<string, number>>;
  /**
   * strategy id → the sleeve's return over the session, capital moved in or out excluded (0 on its first session):
   * what a strategy's Sharpe, volatility and drawdown are computed from.
   */
  readonly returns: Readonly<Record<string, number>>;
  /** strategy id → sleeve equity / total strategy capital (the allocation marked to market), fraction. */
  readonly allocation: Readonly<Record<string, number>>;
  readonly unallocated: number;
  /** strategy id → virtual trading costs paid so far. */
  readonly costs: Readonly<Record<string, number>>;
  /** symbol → Σ over sleeves of their shares: what the account would hold if it tracked the sleeves exactly. */
  readonly shares: ReadonlyMap<string, number>;
}

/** The strategies' half of one evaluation. */
export interface StrategyStep {
  /** The decision session, `YYYY-MM-DD`. */
  readonly session: string;
  readonly strategies: readonly StrategyDecision[];
  readonly allocation: AllocationDecision;
  /** Net targets (fractions of equity) with each strategy's contribution, and what was dropped or clipped. */
  readonly combination: Combination;
  /** Each strategy's sleeve orders per symbol, the net, gross vs net traded value and the saving. */
  readonly netting: NettingReport;
  /** One mark per session processed since the last run, this session last. */
  readonly marks: readonly SleeveMark[];
  /** Σ sleeve equity + unallocated after the run, base currency. */
  readonly capital: number;
  /** Run-level notes (state from a later session ignored, …). */
  readonly notes: readonly string[];
  /** What to store for the next run. */
  readonly state: StrategyState;
}
