import type { RunStore } from '../store/run-store.js';
import type { StrategyRunRecord } from '../store/run-record.js';
import type { StrategyStore } from '../store/strategy-store.js';
import type { StrategyState } from '../strategy/strategy-state.js';

/** One policy's strategies as its last recorded run left them: what `ballast strategies` and `/strategies` show. */
export interface StrategyOverview {
  readonly policyId: string;
  readonly policyName: string;
  readonly baseCurrency: string;
  /** The run that left this state, and the session it decided on. */
  readonly runId: string;
  readonly asOf: string;
  /** Which strategies rebalanced or held then, their allocation, last rebalance, sessions to the next, sleeve P&L. */
  readonly record: StrategyRunRecord;
  readonly state: StrategyState;
}

/**
 * The strategies of every policy that has some (or of `policyId`): the stored state and the strategies' part of the
 * latest recorded run of the policy. A policy whose latest run did not evaluate its strategies (e.g. a schedule that
 * runs only exits) shows the last run that did.
 */
export async function strategyOverview(store: RunStore & StrategyStore, policyId?: string): Promise<StrategyOverview[]> {
  const out: StrategyOverview[] = [];
  for (const id of store.strategyPolicyIds().filter((p) => policyId === undefined || p === policyId)) {
    const summaries = await store.runSummaries({ policyId: id });
    for (let i = summaries.length - 1; i >= 0; i--) {
      const run = await store.getRun(summaries[i]!.id);
      if (run?.strategies === undefined) continue;
      out.push({
        policyId: id,
        policyName: run.policySnapshot.name,
        baseCurrency: run.policySnapshot.base_currency,
        runId: run.id,
        asOf: run.asOf,
        record: run.strategies,
        state: store.strategyState(id)!,
      });
      break;
    }
  }
  return out;
}
