import type { RecordedExit } from '../engine/apply-limits.js';
import type { NewRun, RunRecord } from './run-record.js';
import type { RunSummary } from './run-summary.js';

/** Which runs to list: of one policy or one paper account, and only the latest `limit` of them. */
export interface RunFilter {
  readonly policyId?: string;
  /** Runs whose policy trades this paper account. */
  readonly accountId?: string;
  /** Only the most recent N (after the other filters). */
  readonly limit?: number;
}

/**
 * Recorded rebalance runs. A run is numbered (`run-000042`) and written before `recordRun` resolves; numbers are never
 * reused, even after a crash (a number may be skipped). Reads are asynchronous because closed runs live in the archive.
 */
export interface RunStore {
  /** Numbers a run and its proposals (`p-000042-1`, …), writes it, and returns it with the ids. */
  recordRun(run: NewRun): Promise<RunRecord>;
  /** One run in full by id, or undefined. */
  getRun(id: string): Promise<RunRecord | undefined>;
  /** What `history` lists: one summary per run, oldest first, filtered as {@link RunFilter} says. */
  runSummaries(filter?: RunFilter): Promise<readonly RunSummary[]>;
  /** How many runs pass the filter (its `limit` aside), without reading them. */
  countRuns(filter?: Omit<RunFilter, 'limit'>): Promise<number>;
  /**
   * Every sell (exit or trim) proposed by recorded runs of a policy evaluated after `since` and at or before `until`,
   * with the run's evaluation instant: what the weekly exit cap counts. Reads only the months of that window.
   */
  recordedExits(policyId: string, since: Date, until: Date): Promise<RecordedExit[]>;
}
