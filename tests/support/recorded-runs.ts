import type { RunRecord } from '../../src/store/run-record.js';
import type { RunFilter, RunStore } from '../../src/store/run-store.js';

/** Every recorded run in full, oldest first, filtered as `runSummaries` filters. */
export async function recordedRuns(store: RunStore, filter: RunFilter = {}): Promise<RunRecord[]> {
  const summaries = await store.runSummaries(filter);
  return Promise.all(summaries.map(async (summary) => (await store.getRun(summary.id))!));
}
