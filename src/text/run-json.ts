import type { PolicyRun } from '../run/run-policy.js';

/** The machine-readable form of a policy run for `--json`: stable keys, numbers unformatted, proposals with ids once recorded. */
export function runJson({ policy, loaded, evaluation, run }: PolicyRun): object {
  return {
    policyId: policy.id,
    file: loaded.file,
    revision: loaded.revision.revision,
    contentHash: loaded.revision.contentHash,
    runId: run?.id ?? null,
    asOf: evaluation.asOf,
    evaluatedAt: evaluation.evaluatedAt,
    equity: evaluation.equity,
    cash: evaluation.cash,
    proposals: run?.proposals ?? evaluation.proposals,
    dropped: evaluation.dropped,
    rebalance: evaluation.rebalance ? { targetsPct: evaluation.rebalance.targetsPct, dropped: evaluation.rebalance.dropped, summary: evaluation.rebalance.summary } : null,
    metrics: evaluation.metrics,
    strategies: run?.strategies ?? (evaluation.strategies ? { ...evaluation.strategies, marks: undefined, state: undefined } : null),
  };
}
