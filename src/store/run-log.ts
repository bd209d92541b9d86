import type { RecordedExit } from '../engine/apply-limits.js';
import type { RunRecord } from './run-record.js';
import type { RunFilter, RunStore } from './run-store.js';
import type { StoreContext } from './store-context.js';
import { summarizeRun } from './run-summary.js';

/** The {@link RunStore} over the store's data: runs numbered from `nextRunNumber`, kept oldest first. */
export function runLog(context: StoreContext): RunStore {
  const { data } = context;
  const matching = (filter: RunFilter): RunRecord[] => {
    const runs = data.runs.filter((run) =>
      (filter.policyId === undefined || run.policy.policyId === filter.policyId) &&
      (filter.accountId === undefined || run.policySnapshot.account === filter.accountId));
    return filter.limit === undefined ? runs : runs.slice(-filter.limit);
  };
  return {
    async recordRun(run) {
      let recorded!: RunRecord;
      context.change((d) => {
        recorded = { id: `run-${String(d.nextRunNumber).padStart(6, '0')}`, ...run };
        d.nextRunNumber += 1;
        d.runs.push(recorded);
      });
      await context.flushed();
      return recorded;
    },
    async getRun(id) {
      return data.runs.find((run) => run.id === id);
    },
    async runSummaries(filter = {}) {
      return matching(filter).map(summarizeRun);
    },
    async recordedExits(policyId, since) {
      const after = since.getTime();
      return matching({ policyId })
        .filter((run) => Date.parse(run.evaluatedAt) > after)
        .flatMap((run) => run.proposals.filter((p) => p.side === 'sell').map((p): RecordedExit => ({ symbol: p.symbol, at: run.evaluatedAt })));
    },
  };
}
