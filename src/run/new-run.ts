import type { Evaluation } from '../engine/evaluate.js';
import type { Policy } from '../policy/policy.js';
import type { NewRun, PolicyRevision, RunInitiator, RunSlot, StrategyRunRecord } from '../store/run-record.js';
import type { StrategyStep } from '../strategy/strategy-step.js';

/** Where a run's inputs came from and what started it. */
export interface RunOrigin {
  readonly initiator: RunInitiator;
  /** The wall clock the run is recorded at, ISO 8601 UTC. */
  readonly recordedAt: string;
  readonly revision: Omit<PolicyRevision, 'policyId'>;
  readonly holdingsFile: string;
  readonly pricesFile: string;
  /** For scheduled runs. */
  readonly slot?: RunSlot;
}

function strategyRunRecord(step: StrategyStep): StrategyRunRecord {
  const { marks: _marks, state: _state, ...record } = step;
  return record;
}

/** The record of an evaluation, ready for `Store.recordRun`: the one place a run record is assembled. */
export function newRun(policy: Policy, evaluation: Evaluation, origin: RunOrigin): NewRun {
  return {
    policy: { policyId: policy.id, ...origin.revision },
    policySnapshot: policy,
    initiator: origin.initiator,
    asOf: evaluation.asOf,
    evaluatedAt: evaluation.evaluatedAt,
    recordedAt: origin.recordedAt,
    inputs: {
      holdingsFile: origin.holdingsFile,
      pricesFile: origin.pricesFile,
      cash: evaluation.cash,
      equity: evaluation.equity,
      positions: evaluation.positions,
    },
    proposals: evaluation.proposals,
    dropped: evaluation.dropped,
    ...(evaluation.rebalance
      ? { rebalance: { targetsPct: evaluation.rebalance.targetsPct, dropped: evaluation.rebalance.dropped, summary: evaluation.rebalance.summary } }
      : {}),
    metrics: evaluation.metrics,
    ...(evaluation.strategies ? { strategies: strategyRunRecord(evaluation.strategies) } : {}),
    ...(origin.slot ? { slot: origin.slot } : {}),
  };
}
