import type { Proposal, ProposalKind, Side } from '../engine/proposal.js';
import type { ReplayStrategies } from './strategies/replay-strategies.js';

/**
 * When a replayed decision fills: `next-close` at the first close after the session the decision saw (no
 * look-ahead; backtrader and zipline), `same-close` at that session's own close (what bt and vectorbt do).
 */
export type FillTiming = 'next-close' | 'same-close';

/** One executed trade of a replay, at its fill session. */
export interface ReplayFill {
  /** Session of the fill, `YYYY-MM-DD`. */
  readonly date: string;
  /** Session whose prices the decision saw, `YYYY-MM-DD` (equal to `date` with `same-close`). */
  readonly decidedOn: string;
  readonly symbol: string;
  readonly side: Side;
  /** Shares traded, > 0. */
  readonly quantity: number;
  /** Fill price in base currency per share, slippage included. */
  readonly price: number;
  /** quantity × price in base currency. */
  readonly notional: number;
  /** Commission paid for this fill, base currency. */
  readonly commission: number;
  readonly kind: ProposalKind;
  /** The rule behind the proposal: `take_profit`, `cut_loss`, `stale`, `concentration`, `custom:<id>`, `rebalance`. */
  readonly ruleId: string;
  /** The proposal's reason, as a trader reads it. */
  readonly reason: string;
  /** Realized P&L of this fill in base currency (FIFO lots, commission included); 0 for buys. */
  readonly realizedPnl: number;
}

/** One evaluation of a replay (one rebalance run): when, and what it traded. */
export interface ReplayRun {
  /** Session the decision saw, `YYYY-MM-DD`. */
  readonly date: string;
  /** The evaluation's clock (the slot instant, or the session's close), ISO 8601 UTC. */
  readonly at: string;
  /** The schedule ids that fired on that session (empty for a policy without schedules). */
  readonly scheduleIds: readonly string[];
  /** Proposals acted on. */
  readonly trades: number;
  /** Two-way turnover of the run as a fraction of equity: (Σ buys + Σ sells) / equity (note 004 §2). */
  readonly turnover: number;
  /** What the evaluation proposed, as the live `evaluate` gives it (ids, rules, reasons); every one was approved. */
  readonly proposals: readonly Proposal[];
}

/** A comparison series on the same sessions: buy-and-hold of the starting holdings, or equal weight from cash. */
export interface ReplayBenchmark {
  /** What a reader sees: "buy and hold of the starting holdings" or "equal weight of the policy's 10 symbols". */
  readonly label: string;
  /** Equity per session, base currency, aligned with {@link ReplayResult.dates}. */
  readonly equity: Float64Array;
}

/**
 * Everything a replay produced: the per-session books, the fills and the runs. Series are columnar and aligned
 * with `dates` (one entry per session of the replay, first to last). Metrics, reports and the policy diff are
 * computed from this alone.
 */
export interface ReplayResult {
  readonly policyId: string;
  readonly policyName: string;
  /** The policy revision replayed (`ccdc11a`, `ccdc11a+dirty`, `unversioned`). */
  readonly revision: string;
  readonly baseCurrency: string;
  readonly pricesFile: string;
  readonly fill: FillTiming;
  /** Equity at the start (cash plus the starting holdings at the first session's close), base currency. */
  readonly initialCapital: number;
  /** Deposits minus withdrawals during the replay, base currency (0 today). */
  readonly netDeposits: number;
  /** Sessions, `YYYY-MM-DD`, strictly increasing. */
  readonly dates: readonly string[];
  /** cash + Σ position values at each session's close, after that session's fills; base currency. */
  readonly equity: Float64Array;
  readonly cash: Float64Array;
  /** Symbols with a position at some session, in the column order of `weights`. */
  readonly symbols: readonly string[];
  /** `weights[j][i]`: live weight (0..1 of equity) of `symbols[j]` at session i's close. */
  readonly weights: readonly Float64Array[];
  readonly fills: readonly ReplayFill[];
  readonly runs: readonly ReplayRun[];
  readonly benchmark: ReplayBenchmark;
  /** For a policy with strategies: each sleeve's equity, returns and allocation, and the accounting identity's terms. */
  readonly strategies?: ReplayStrategies;
}
