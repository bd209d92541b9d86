import type { RunMetrics } from '../engine/run-metrics.js';
import type { PolicyRevision, RunInitiator, RunRecord } from './run-record.js';

/**
 * A recorded run in one small line: what `history`, the weekly exit cap, the price re-check and `status` read without
 * loading the full record (which keeps holdings, prices and the policy as evaluated).
 */
export interface RunSummary {
  readonly id: string;
  readonly policy: PolicyRevision;
  /** The paper account the policy trades. */
  readonly accountId: string;
  readonly initiator: RunInitiator;
  /** Date of the prices used, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** The clock instant the run was evaluated at, ISO 8601 UTC. */
  readonly evaluatedAt: string;
  /** When the run was recorded by the wall clock, ISO 8601 UTC (absent on older runs). */
  readonly recordedAt?: string;
  readonly pricesFile: string;
  readonly metrics: RunMetrics;
  /** Symbols the run proposed to sell (exits and trims), in proposal order. */
  readonly sells: readonly string[];
  /** Slot key of a scheduled run. */
  readonly slotKey?: string;
}

/** The summary of a full run record. */
export function summarizeRun(run: RunRecord): RunSummary {
  return {
    id: run.id,
    policy: run.policy,
    accountId: run.policySnapshot.account,
    initiator: run.initiator,
    asOf: run.asOf,
    evaluatedAt: run.evaluatedAt,
    ...(run.recordedAt ? { recordedAt: run.recordedAt } : {}),
    pricesFile: run.inputs.pricesFile,
    metrics: run.metrics,
    sells: run.proposals.filter((p) => p.side === 'sell').map((p) => p.symbol),
    ...(run.slot ? { slotKey: run.slot.key } : {}),
  };
}
