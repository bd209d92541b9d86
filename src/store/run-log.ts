import type { RecordedExit } from '../engine/apply-limits.js';
import { proposalId } from '../engine/proposal.js';
import { monthOf } from './archive/archive.js';
import type { RunRecord } from './run-record.js';
import type { RunFilter, RunStore } from './run-store.js';
import type { StoreContext } from './store-context.js';

/**
 * The {@link RunStore}: a run is numbered from the hot state's `nextRunNumber` (`run-000042`), its proposals after it
 * (`p-000042-1`, `p-000042-2`, … in order, see `proposalId`), and appended to the archive, where every read finds it
 * (the hot state holds no runs). Run numbers are never reused, so neither are proposal ids.
 */
export function runLog(context: StoreContext): RunStore {
  const { archive } = context;
  return {
    async recordRun(run) {
      let recorded!: RunRecord;
      context.change((data, outbox) => {
        const id = `run-${String(data.nextRunNumber).padStart(6, '0')}`;
        recorded = { id, ...run, proposals: run.proposals.map((proposal, i) => ({ ...proposal, id: proposalId(id, i + 1) })) };
        data.nextRunNumber += 1;
        outbox.runs.push(recorded);
      });
      await context.flushed();
      return recorded;
    },
    async getRun(id) {
      await context.flushed();
      return archive.readRun(id);
    },
    async runSummaries(filter: RunFilter = {}) {
      await context.flushed();
      return archive.runSummaries(filter);
    },
    async countRuns(filter = {}) {
      await context.flushed();
      return archive.countRuns(filter);
    },
    async recordedExits(policyId, since, until) {
      await context.flushed();
      const [after, last] = [since.getTime(), until.getTime()];
      return (await archive.runSummaries({ policyId, months: [monthOf(since.toISOString()), monthOf(until.toISOString())] }))
        .filter((run) => Date.parse(run.evaluatedAt) > after && Date.parse(run.evaluatedAt) <= last)
        .flatMap((run) => run.sells.map((symbol): RecordedExit => ({ symbol, at: run.evaluatedAt })));
    },
  };
}
