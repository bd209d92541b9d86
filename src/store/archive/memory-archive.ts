import type { ProposalRecord, Refusal } from '../../approval/proposal-record.js';
import type { RunRecord } from '../run-record.js';
import { summarizeRun } from '../run-summary.js';
import type { SlotRecord } from '../slot-record.js';
import type { EquityPoint } from '../equity-point.js';
import { equityOf, inMonths, matchesRunQuery, monthOf, runNumber, type AccountEquityPoint, type Archive, type RunQuery } from './archive.js';

/** The {@link Archive} of an in-memory store: arrays that live as long as the process. */
export class MemoryArchive implements Archive {
  readonly #runs: RunRecord[] = [];
  readonly #records: ProposalRecord[] = [];
  readonly #refusals: Refusal[] = [];
  readonly #slots: SlotRecord[] = [];
  readonly #equity: AccountEquityPoint[] = [];

  async appendRuns(runs: readonly RunRecord[]): Promise<void> {
    this.#runs.push(...runs);
  }

  async runSummaries(query: RunQuery = {}) {
    const runs = this.#runs.filter((run) => inMonths(monthOf(run.evaluatedAt), query.months)).map(summarizeRun).filter((s) => matchesRunQuery(s, query));
    return query.limit === undefined ? runs : runs.slice(-query.limit);
  }

  async countRuns(query: RunQuery = {}): Promise<number> {
    return (await this.runSummaries({ ...query, limit: undefined })).length;
  }

  async readRun(id: string): Promise<RunRecord | undefined> {
    return this.#runs.find((run) => run.id === id);
  }

  async lastRunNumber(): Promise<number> {
    return Math.max(0, ...this.#runs.map((run) => runNumber(run.id)));
  }

  async appendProposalRecords(records: readonly ProposalRecord[]): Promise<void> {
    this.#records.push(...records);
  }

  async proposalRecord(proposalId: string): Promise<ProposalRecord | undefined> {
    return this.#records.findLast((record) => record.proposal.id === proposalId);
  }

  async proposalRecords(): Promise<ProposalRecord[]> {
    return [...this.#records];
  }

  async appendRefusals(refusals: readonly Refusal[]): Promise<void> {
    this.#refusals.push(...refusals);
  }

  async refusals(): Promise<Refusal[]> {
    return [...this.#refusals];
  }

  async appendSlots(slots: readonly SlotRecord[]): Promise<void> {
    this.#slots.push(...slots);
  }

  async appendEquity(points: readonly AccountEquityPoint[]): Promise<void> {
    this.#equity.push(...points);
  }

  async equityHistory(accountId: string): Promise<EquityPoint[]> {
    return equityOf(this.#equity, accountId);
  }
}
