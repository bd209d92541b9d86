import { Low, Memory, type Adapter } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecordedExit } from '../engine/apply-limits.js';
import { BallastError } from '../errors.js';
import type { NewRun, RunRecord } from './run-record.js';
import type { SlotRecord } from './slot-record.js';
import { acquireLock, type StoreLock } from './lock-file.js';
import type { ApprovalStore, ProposalFilter } from '../approval/approval-store.js';
import type { ProposalRecord, Refusal } from '../approval/proposal-record.js';
import type { AccountState } from '../portfolio/account-state.js';

/** The whole database file: small, versioned, one JSON document. */
export interface StoreData {
  readonly version: 1;
  nextRunNumber: number;
  runs: RunRecord[];
  /** Scheduled slots by slot key, recorded before and after each run (exactly-once across restarts). Default `{}`. */
  slots: Record<string, SlotRecord>;
  /** Proposals under approval and their decisions, oldest first (added by the approvals feature; `[]` in old files). */
  proposals: ProposalRecord[];
  /** Paper account ledgers by account id (position-based accounting, note 001). */
  accounts: Record<string, AccountState>;
  /** Actions refused without a decision: unauthorized, forged, replayed, … */
  refusals: Refusal[];
  /** Policies whose execution is paused, by policy id, with who paused them, when and why. */
  paused: Record<string, PauseRecord>;
}

/** Who paused a policy's execution, when (ISO 8601 UTC) and why. */
export interface PauseRecord {
  readonly actorId: string;
  readonly at: string;
  readonly reason: string;
}

/** Default folder of the database, relative to the working directory; `--data-dir` or `BALLAST_DATA_DIR` override it. */
export const DEFAULT_DATA_DIR = '.ballast';

/** The file name of the database inside the data folder. */
export const DATABASE_FILE = 'ballast.json';

/**
 * Ballast's recorded state (rebalance runs) behind one small interface. Persistence is chosen by construction:
 * {@link Store.open} writes a JSON file with lowdb (atomic rename on every write), {@link Store.inMemory} keeps
 * everything in memory for tests and replay. Both run the same code.
 *
 * One process owns the file at a time (lowdb does no locking between processes).
 */
export class Store implements ApprovalStore {
  readonly #db: Low<StoreData>;
  #lock: StoreLock | undefined;
  /** Where the data lives: a file path, or `(memory)`. */
  readonly location: string;

  private constructor(db: Low<StoreData>, location: string) {
    this.#db = db;
    this.location = location;
  }

  /**
   * Opens (creating if needed) the database in `dataDir`. Throws `CORRUPT_DATABASE` when the file is not valid JSON.
   * With `owner` (the command name), takes the lock file first so no other process writes meanwhile (throws
   * `StoreLockedError` when a live process holds it); `close()` releases it.
   */
  static async open(dataDir: string, owner?: string): Promise<Store> {
    await mkdir(dataDir, { recursive: true });
    const lock = owner === undefined ? undefined : await acquireLock(dataDir, owner, new Date());
    const file = join(dataDir, DATABASE_FILE);
    try {
      const store = await Store.#load(new JSONFile<StoreData>(file), file);
      store.#lock = lock;
      return store;
    } catch (error) {
      await lock?.release();
      throw error;
    }
  }

  /** Releases the lock taken by `open(dataDir, owner)`; a no-op otherwise. */
  async close(): Promise<void> {
    await this.#lock?.release();
  }

  /** A store that lives only as long as the process. */
  static async inMemory(): Promise<Store> {
    return Store.#load(new Memory<StoreData>(), '(memory)');
  }

  static async #load(adapter: Adapter<StoreData>, location: string): Promise<Store> {
    const db = new Low<StoreData>(adapter, { version: 1, nextRunNumber: 1, runs: [], slots: {}, proposals: [], accounts: {}, refusals: [], paused: {} });
    try {
      await db.read();
    } catch (error) {
      throw new BallastError('CORRUPT_DATABASE', `${location} is not valid JSON (${(error as Error).message}); move it aside to start a new database`, { cause: error });
    }
    db.data.slots ??= {};
    db.data.proposals ??= [];
    db.data.accounts ??= {};
    db.data.refusals ??= [];
    db.data.paused ??= {};
    return new Store(db, location);
  }

  /** Numbers a run (`run-000001`, …), writes it, and returns it with its id. */
  async recordRun(run: NewRun): Promise<RunRecord> {
    const data = this.#db.data;
    const recorded: RunRecord = { id: `run-${String(data.nextRunNumber).padStart(6, '0')}`, ...run };
    data.nextRunNumber += 1;
    data.runs.push(recorded);
    await this.#db.write();
    return recorded;
  }

  /** Recorded runs, oldest first, optionally of one policy only. */
  listRuns(filter: { policyId?: string } = {}): readonly RunRecord[] {
    const runs = this.#db.data.runs;
    return filter.policyId === undefined ? runs : runs.filter((run) => run.policy.policyId === filter.policyId);
  }

  /** One run by id, or undefined. */
  getRun(id: string): RunRecord | undefined {
    return this.#db.data.runs.find((run) => run.id === id);
  }

  /**
   * Every sell (exit or trim) proposed by recorded runs of a policy, with the run's evaluation instant:
   * what the weekly exit cap counts.
   */
  recordedExits(policyId: string): RecordedExit[] {
    return this.listRuns({ policyId }).flatMap((run) =>
      run.proposals.filter((p) => p.side === 'sell').map((p) => ({ symbol: p.symbol, at: run.evaluatedAt })),
    );
  }

  /** The record of one slot key, or undefined when the slot never started. */
  slotRecord(key: string): SlotRecord | undefined {
    return this.#db.data.slots[key];
  }

  /** Every slot record, oldest slot first (by slot instant, then key). */
  listSlots(filter: { policyId?: string } = {}): readonly SlotRecord[] {
    return Object.values(this.#db.data.slots)
      .filter((s) => filter.policyId === undefined || s.policyId === filter.policyId)
      .sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
  }

  /** The latest recorded slot key per policy and schedule, whatever its state: what the catch-up planner needs. */
  latestSlotKeys(): string[] {
    const latest = new Map<string, SlotRecord>();
    for (const slot of Object.values(this.#db.data.slots)) {
      const id = `${slot.policyId}/${slot.scheduleId}`;
      const prev = latest.get(id);
      if (prev === undefined || prev.at < slot.at) latest.set(id, slot);
    }
    return [...latest.values()].map((s) => s.key);
  }

  /**
   * Records that a slot has started, and writes the file before the run does anything: a slot that was started is
   * never started again, even if the process dies mid-run (it stays `started`, shown as interrupted).
   * Throws `SLOT_ALREADY_RECORDED` when the key is already there.
   */
  async beginSlot(slot: Omit<SlotRecord, 'state'>): Promise<SlotRecord> {
    const slots = this.#db.data.slots;
    if (slots[slot.key] !== undefined) {
      throw new BallastError('SLOT_ALREADY_RECORDED', `slot ${slot.key} is already recorded (${slots[slot.key]!.state}); a slot runs at most once`);
    }
    const record: SlotRecord = { ...slot, state: 'started' };
    slots[slot.key] = record;
    await this.#db.write();
    return record;
  }

  /** Records how a started slot ended: `finished` with its run id, or `failed` with the error message. */
  async finishSlot(key: string, outcome: Pick<SlotRecord, 'finishedAt'> & ({ state: 'finished'; runId: string } | { state: 'failed'; error: string })): Promise<SlotRecord> {
    const current = this.#db.data.slots[key];
    if (current === undefined) throw new BallastError('SLOT_NOT_STARTED', `slot ${key} was never started; call beginSlot first`);
    const record: SlotRecord = { ...current, ...outcome };
    this.#db.data.slots[key] = record;
    await this.#db.write();
    return record;
  }

  /** The most recent approval record of a proposal id, or undefined. */
  proposalRecord(proposalId: string): ProposalRecord | undefined {
    return this.#db.data.proposals.findLast((record) => record.proposal.id === proposalId);
  }

  /**
   * Approval records, oldest first, optionally of one policy and/or some statuses. `openAt`: only those still open for a
   * decision at that instant (`pending` and `expiresAt` after it), whether or not the expiry has been recorded yet.
   */
  proposalRecords(filter: ProposalFilter = {}): readonly ProposalRecord[] {
    const open = filter.openAt?.getTime();
    return this.#db.data.proposals.filter(
      (record) =>
        (filter.policyId === undefined || record.policyId === filter.policyId) &&
        (filter.statuses === undefined || filter.statuses.includes(record.status)) &&
        (open === undefined || (record.status === 'pending' && Date.parse(record.expiresAt) > open)),
    );
  }

  /** Inserts an approval record, or replaces the one with the same proposal id and nonce (in memory; see `persist`). */
  putProposalRecord(record: ProposalRecord): void {
    const list = this.#db.data.proposals;
    const index = list.findIndex((r) => r.proposal.id === record.proposal.id && r.nonce === record.nonce);
    if (index < 0) list.push(record);
    else list[index] = record;
  }

  /** A paper account's ledger, or undefined. */
  account(accountId: string): AccountState | undefined {
    return this.#db.data.accounts[accountId];
  }

  /** Ids of the paper accounts in the store, sorted. */
  accountIds(): string[] {
    return Object.keys(this.#db.data.accounts).sort();
  }

  /** Stores a paper account's ledger (in memory; see `persist`). */
  putAccount(state: AccountState): void {
    this.#db.data.accounts[state.accountId] = state;
  }

  /** Appends a refusal to the audit log (in memory; see `persist`). */
  recordRefusal(refusal: Refusal): void {
    this.#db.data.refusals.push(refusal);
  }

  /** Refused actions, oldest first. */
  listRefusals(): readonly Refusal[] {
    return this.#db.data.refusals;
  }

  /** Whether execution is paused for a policy. */
  isPaused(policyId: string): boolean {
    return this.#db.data.paused[policyId] !== undefined;
  }

  /** Who paused a policy and why, or undefined when it runs. */
  pauseOf(policyId: string): PauseRecord | undefined {
    return this.#db.data.paused[policyId];
  }

  /** Pauses (`paused` true) or resumes a policy's execution (in memory; see `persist`). */
  setPaused(policyId: string, paused: boolean, by: PauseRecord): void {
    if (paused) this.#db.data.paused[policyId] = { actorId: by.actorId, at: by.at, reason: by.reason };
    else delete this.#db.data.paused[policyId];
  }

  /** Writes every change made so far to the file (atomic rename); a no-op write for the in-memory store. */
  async persist(): Promise<void> {
    await this.#db.write();
  }
}
