import { Low, Memory, type Adapter } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecordedExit } from '../engine/apply-limits.js';
import { BallastError } from '../errors.js';
import type { NewRun, RunRecord } from './run-record.js';
import type { SlotRecord } from './slot-record.js';

/** The whole database file: small, versioned, one JSON document. */
export interface StoreData {
  readonly version: 1;
  nextRunNumber: number;
  runs: RunRecord[];
  /** Scheduled slots by slot key, recorded before and after each run (exactly-once across restarts). Default `{}`. */
  slots: Record<string, SlotRecord>;
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
export class Store {
  readonly #db: Low<StoreData>;
  /** Where the data lives: a file path, or `(memory)`. */
  readonly location: string;

  private constructor(db: Low<StoreData>, location: string) {
    this.#db = db;
    this.location = location;
  }

  /** Opens (creating if needed) the database in `dataDir`. Throws `CORRUPT_DATABASE` when the file is not valid JSON. */
  static async open(dataDir: string): Promise<Store> {
    await mkdir(dataDir, { recursive: true });
    const file = join(dataDir, DATABASE_FILE);
    return Store.#load(new JSONFile<StoreData>(file), file);
  }

  /** A store that lives only as long as the process. */
  static async inMemory(): Promise<Store> {
    return Store.#load(new Memory<StoreData>(), '(memory)');
  }

  static async #load(adapter: Adapter<StoreData>, location: string): Promise<Store> {
    const db = new Low<StoreData>(adapter, { version: 1, nextRunNumber: 1, runs: [], slots: {} });
    try {
      await db.read();
    } catch (error) {
      throw new BallastError('CORRUPT_DATABASE', `${location} is not valid JSON (${(error as Error).message}); move it aside to start a new database`, { cause: error });
    }
    db.data.slots ??= {};
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
}
