import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FatalError } from '../errors.js';
import type { AccountStore } from './account-store.js';
import { accountLedger } from './account-ledger.js';
import type { ApprovalStore } from './approval-store.js';
import { approvalRecords } from './approval-records.js';
import type { Archive } from './archive/archive.js';
import { FileArchive } from './archive/file-archive.js';
import { MemoryArchive } from './archive/memory-archive.js';
import { DatabaseError } from '../errors.js';
import { emptyHotState, type HotState } from './hot-state.js';
import { dropSurplus, hotSurplus } from './hot-retention.js';
import { acquireLock, type AcquireOptions, type StoreLock } from './lock-file.js';
import { readDatabaseFile, type DatabaseContent } from './read-database-file.js';
import { runLog } from './run-log.js';
import type { RunStore } from './run-store.js';
import { slotLedger } from './slot-ledger.js';
import { strategyLedger } from './strategy-ledger.js';
import type { StrategyStore } from './strategy-store.js';
import type { SlotStore } from './slot-store.js';
import type { Outbox, StoreContext } from './store-context.js';
import { upgradeDatabase } from './upgrade-database.js';
import { WriteBehind } from './write-behind.js';

/** Default folder of the database, relative to the working directory; `--data-dir` or `BALLAST_DATA_DIR` override it. */
export const DEFAULT_DATA_DIR = '.ballast';

/** The file name of the database (the hot state) inside the data folder. */
export const DATABASE_FILE = 'ballast.json';

/** The folder of the append-only archive inside the data folder. */
export const ARCHIVE_DIR = 'archive';

/** Where a store lives and how to let go of it. */
export interface StoreHandle {
  /** A file path, or `(memory)`. */
  readonly location: string;
  /** Writes what is pending and releases the lock taken by `Store.open(dataDir, owner)`. */
  close(): Promise<void>;
}

/**
 * Ballast's recorded state, as five small interfaces over one database: {@link RunStore} (rebalance runs),
 * {@link SlotStore} (scheduled slots), {@link ApprovalStore} (proposals, refusals, pauses), {@link AccountStore}
 * (paper ledgers) and {@link StrategyStore} (held signals and sleeves). Code takes the smallest of them it needs.
 * Persistence is chosen by construction: `Store.open` (a small lowdb JSON file, the hot state, plus an append-only
 * archive of monthly JSON Lines files) or `Store.inMemory` (tests, replay); both run the same code.
 *
 * **When state is written** (one rule): every change is applied in memory at once and written by the store on its
 * own, coalesced with the changes around it (`WriteBehind`): first what goes to the archive (runs, refusals, closed
 * records beyond the hot state's retention), then the hot state. Methods that return a Promise (`recordRun`,
 * `beginSlot`, …) resolve after their write, and `persist()` resolves once every change so far is on disk; tell a
 * person what happened only after that.
 */
export type Store = RunStore & SlotStore & ApprovalStore & AccountStore & StrategyStore & StoreHandle;

/** Options of `Store.open`. */
export interface OpenOptions {
  /** How to wait for the lock (see `acquireLock`). */
  readonly lock?: AcquireOptions;
}

/** The two ways to make a {@link Store}. */
export const Store = {
  /**
   * Opens (creating if needed) the database in `dataDir`. With `owner` (the command name), takes the lock first so no
   * other process writes meanwhile (throws `StoreLockedError`), refuses a read-only file (`DATABASE_READ_ONLY`), and
   * checks the lock is still its own before every write; `close()` releases it. Without `owner` the store is
   * read-only: a change throws `READ_ONLY_STORE`. An older version is upgraded first, under the lock, with a backup
   * (see `upgradeDatabase`). Throws `DatabaseError` for a file that is not JSON, not a Ballast database, of an unknown
   * version or damaged, without changing it.
   */
  async open(dataDir: string, owner?: string, options: OpenOptions = {}): Promise<Store> {
    await mkdir(dataDir, { recursive: true });
    const lock = owner === undefined ? undefined : await acquireLock(dataDir, owner, new Date(), options.lock);
    const file = join(dataDir, DATABASE_FILE);
    const archive = new FileArchive(join(dataDir, ARCHIVE_DIR));
    try {
      let content = await readDatabaseFile(file);
      if (content.kind === 'older') content = await upgraded(dataDir, archive, lock, options);
      if (lock !== undefined) await refuseReadOnly(file);
      const data = content.kind === 'current' ? content.data : emptyHotState();
      if (lock === undefined) return assemble(data, archive, file, undefined, async () => undefined);
      data.nextRunNumber = Math.max(data.nextRunNumber, (await archive.lastRunNumber()) + 1);
      const hot = hotFile(file, data);
      return assemble(data, archive, file, async () => {
        await lock.verify();
        return hot;
      }, () => lock.release());
    } catch (error) {
      await lock?.release();
      throw error;
    }
  },

  /** A store that lives only as long as the process. */
  async inMemory(): Promise<Store> {
    const nothing = async (): Promise<void> => undefined;
    return assemble(emptyHotState(), new MemoryArchive(), '(memory)', async () => nothing, nothing);
  },
};

/** Upgrades an older file under the lock (taken for the upgrade alone by a read-only store). */
async function upgraded(dataDir: string, archive: Archive, lock: StoreLock | undefined, options: OpenOptions): Promise<DatabaseContent> {
  const held = lock ?? (await acquireLock(dataDir, 'upgrade', new Date(), options.lock));
  const file = join(dataDir, DATABASE_FILE);
  try {
    const content = await readDatabaseFile(file); // another process may have upgraded it meanwhile
    if (content.kind !== 'older') return content;
    await refuseReadOnly(file);
    const data = await upgradeDatabase(file, content.version, content.data, archive, join(dataDir, ARCHIVE_DIR), new Date());
    await held.verify();
    await hotFile(file, data)();
    return { kind: 'current', data };
  } finally {
    if (lock === undefined) await held.release();
  }
}

function hotFile(file: string, data: HotState): () => Promise<void> {
  const db = new Low<HotState>(new JSONFile<HotState>(file), data);
  db.data = data;
  return () => db.write();
}

async function refuseReadOnly(file: string): Promise<void> {
  const mode = await stat(file).then((s) => s.mode, () => undefined);
  if (mode !== undefined && (mode & 0o200) === 0) {
    throw new DatabaseError('DATABASE_READ_ONLY', file, `${file} is read-only, so Ballast will not replace it`, `make it writable (chmod u+w ${file}) or pass another --data-dir`);
  }
}

/**
 * The store over a hot state and an archive. `writer` (absent: read-only) checks the lock and returns the function
 * that writes the hot state.
 */
function assemble(data: HotState, archive: Archive, location: string, writer: (() => Promise<() => Promise<void>>) | undefined, release: () => Promise<void>): Store {
  const outbox: Outbox = { runs: [], refusals: [], equity: [] };
  const behind = writer && new WriteBehind(async () => {
    const writeHot = await writer();
    await drain(outbox.runs, (runs) => archive.appendRuns(runs));
    await drain(outbox.refusals, (refusals) => archive.appendRefusals(refusals));
    await drain(outbox.equity, (points) => archive.appendEquity(points));
    const surplus = hotSurplus(data);
    await archive.appendProposalRecords(surplus.proposals);
    await archive.appendSlots(surplus.slots);
    dropSurplus(data, surplus);
    await writeHot();
  });
  const context: StoreContext = {
    data,
    archive,
    change(mutate) {
      if (behind === undefined) throw new FatalError('READ_ONLY_STORE', `${location} was opened read-only`, 'only commands that take the lock may change it: please report this as a bug');
      mutate(data, outbox);
      behind.changed();
    },
    flushed: async () => behind?.flushed(),
  };
  return {
    ...runLog(context),
    ...slotLedger(context),
    ...approvalRecords(context),
    ...accountLedger(context),
    ...strategyLedger(context),
    location,
    async close() {
      try {
        await behind?.flushed();
      } finally {
        await release();
      }
    },
  };
}

/** Appends everything queued in `queue`; on failure puts it back, so the next write retries. */
async function drain<T>(queue: T[], append: (items: readonly T[]) => Promise<void>): Promise<void> {
  if (queue.length === 0) return;
  const items = queue.splice(0);
  try {
    await append(items);
  } catch (error) {
    queue.unshift(...items);
    throw error;
  }
}
