import type { DroppedProposal } from '../engine/candidate.js';
import type { PositionFacts } from '../engine/position-facts.js';
import type { Proposal, RecordedProposal } from '../engine/proposal.js';
import type { RunMetrics } from '../engine/run-metrics.js';
import type { DroppedTrade, RebalanceSummary } from '../engine/rebalance/index.js';
import type { Policy } from '../policy/policy.js';
import type { StrategyStep } from '../strategy/strategy-step.js';

/** Who or what started a run. */
export type RunInitiator = 'cli' | 'main-job' | 'schedule';

/** Which policy revision produced a run: reviewers can trace every proposal back to a commit. */
export interface PolicyRevision {
  readonly policyId: string;
  /** Path of the policy file, relative to the working directory. */
  readonly file: string;
  /** Short git commit of the last change to the file, `+dirty` when the working copy differs, or `unversioned`. */
  readonly revision: string;
  /** sha256 of the file's bytes, hex. */
  readonly contentHash: string;
}

/**
 * One evaluation, recorded: a rebalance run (note 004 §9). Everything needed to explain its proposals later,
 * without the files it was computed from.
 */
export interface RunRecord {
  /** `run-000042`: numbered in recording order. */
  readonly id: string;
  readonly policy: PolicyRevision;
  /** The validated policy with defaults, as it was evaluated. */
  readonly policySnapshot: Policy;
  readonly initiator: RunInitiator;
  /** Date of the prices used, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** The clock instant the run was evaluated at, ISO 8601 UTC. */
  readonly evaluatedAt: string;
  /**
   * When the run was recorded by the wall clock, ISO 8601 UTC: what `history` shows as when it ran (`ballast run`
   * evaluates as of the prices' last close, years ago on the bundled data). Absent on runs recorded before it was kept.
   */
  readonly recordedAt?: string;
  readonly inputs: {
    readonly holdingsFile: string;
    readonly pricesFile: string;
    readonly cash: number;
    readonly equity: number;
    /** Holdings and the prices used, with weights and P&L. */
    readonly positions: readonly PositionFacts[];
  };
  /** Exits first, then rebalance trades; each with its reason and reason tags, numbered after the run (`p-000042-1`). */
  readonly proposals: readonly RecordedProposal[];
  /** Exit candidates dropped by a limit. */
  readonly dropped: readonly DroppedProposal[];
  /** The rebalance half: resolved target weights (percent), what its constraints dropped or cut, its summary. */
  readonly rebalance?: {
    readonly targetsPct: Readonly<Record<string, number>>;
    readonly dropped: readonly DroppedTrade[];
    readonly summary: RebalanceSummary;
  };
  /** Turnover, max drift before/after, number of trades, % of budget used (note 004 §9). */
  readonly metrics: RunMetrics;
  /**
   * For a policy with strategies: which rebalanced and which held (with the sessions to their next rebalance), the
   * allocation, the net targets with each strategy's part, and the netting (each strategy's orders, gross vs net).
   */
  readonly strategies?: StrategyRunRecord;
  /** For a scheduled run (`initiator: 'schedule'`): the slot it ran for and the rules it evaluated. */
  readonly slot?: RunSlot;
}

/** The slot a scheduled run was for. */
export interface RunSlot {
  /** Slot key `policyId/scheduleId/2026-03-09T20:30:00Z`. */
  readonly key: string;
  readonly scheduleId: string;
  /** Slot instant, ISO 8601 UTC. */
  readonly at: string;
  /** The schedule's `runs` list as written (`[all]`, `[take_profit, cut_loss]`, …). */
  readonly runs: readonly string[];
  /** Rule ids evaluated (`take_profit`, `custom:<id>`); absent when every rule ran. */
  readonly rules?: readonly string[];
}

/** The strategies' half of a run as recorded: everything but the per-session marks and the state (stored apart). */
export type StrategyRunRecord = Omit<StrategyStep, 'marks' | 'state'>;

/** A run before the store has numbered it and its proposals. */
export type NewRun = Omit<RunRecord, 'id' | 'proposals'> & { readonly proposals: readonly Proposal[] };
