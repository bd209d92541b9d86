import type { ProposalRecord, Refusal } from '../../approval/proposal-record.js';
import type { EquityPoint } from '../equity-point.js';
import type { RunRecord } from '../run-record.js';
import type { RunFilter } from '../run-store.js';
import type { RunSummary } from '../run-summary.js';
import type { SlotRecord } from '../slot-record.js';

/**
 * Where the database keeps what no longer changes, so the hot state stays small: every recorded run, closed proposal
 * records, refusals, old slot records and equity histories, append-only. `FileArchive` writes monthly JSON Lines files beside the
 * database; `MemoryArchive` keeps them in memory (tests, replay). Only the owner of the database appends.
 */
export interface Archive {
  /** Appends full runs (with their summaries), in id order. */
  appendRuns(runs: readonly RunRecord[]): Promise<void>;
  /**
   * Run summaries, oldest id first, filtered as {@link RunQuery} says (`limit`: the highest ids), without reading more
   * than the months asked for.
   */
  runSummaries(query?: RunQuery): Promise<RunSummary[]>;
  /** How many runs pass the query (its `limit` aside). */
  countRuns(query?: RunQuery): Promise<number>;
  /** One run in full, or undefined. */
  readRun(id: string): Promise<RunRecord | undefined>;
  /** The highest run number archived, 0 when none. */
  lastRunNumber(): Promise<number>;
  /** Appends proposal records that are closed (they never change again). */
  appendProposalRecords(records: readonly ProposalRecord[]): Promise<void>;
  /** The most recently archived record of a proposal id, or undefined. */
  proposalRecord(proposalId: string): Promise<ProposalRecord | undefined>;
  /** Archived proposal records, oldest first. */
  proposalRecords(): Promise<ProposalRecord[]>;
  /** Appends refusals to the audit log. */
  appendRefusals(refusals: readonly Refusal[]): Promise<void>;
  /** The audit log, oldest first. */
  refusals(): Promise<Refusal[]>;
  /** Appends slot records that are no longer needed for exactly-once (superseded by later slots). */
  appendSlots(slots: readonly SlotRecord[]): Promise<void>;
  /** Appends points of accounts' equity histories. */
  appendEquity(points: readonly AccountEquityPoint[]): Promise<void>;
  /** One account's equity history, oldest first (each point once, even if an interrupted upgrade appended it twice). */
  equityHistory(accountId: string): Promise<EquityPoint[]>;
}

/** Which runs to read from the archive: a {@link RunFilter}, and only those evaluated in `months` (first and last `YYYY-MM`). */
export interface RunQuery extends RunFilter {
  readonly months?: readonly [string, string];
}

/** Whether a summary passes the policy and account filters of a query (not `months`, not `limit`). */
export function matchesRunQuery(summary: RunSummary, query: RunQuery): boolean {
  return (query.policyId === undefined || summary.policy.policyId === query.policyId) && (query.accountId === undefined || summary.accountId === query.accountId);
}

/** An equity point with the account it values, as the archive keeps it. */
export type AccountEquityPoint = EquityPoint & { readonly accountId: string };

/** The points of one account, oldest first (stable), without repeats (same instant and source) and without the account id. */
export function equityOf(points: readonly AccountEquityPoint[], accountId: string): EquityPoint[] {
  const seen = new Set<string>();
  return points.flatMap(({ accountId: id, ...point }) => {
    const key = `${point.at} ${JSON.stringify(point.source)}`;
    if (id !== accountId || seen.has(key)) return [];
    seen.add(key);
    return [point];
  }).sort((a, b) => a.at.localeCompare(b.at));
}

/** `YYYY-MM` of an ISO 8601 instant: which monthly file a record goes to. */
export function monthOf(instant: string): string {
  return instant.slice(0, 7);
}

/** Whether `month` (`YYYY-MM`) is within `range` (first and last, inclusive); any month when there is no range. */
export function inMonths(month: string, range: readonly [string, string] | undefined): boolean {
  return range === undefined || (month >= range[0] && month <= range[1]);
}

/** The number of a run id (`run-000042` → 42), NaN for anything else. */
export function runNumber(id: string): number {
  const match = /^run-(\d+)$/.exec(id);
  return match ? Number(match[1]) : Number.NaN;
}
