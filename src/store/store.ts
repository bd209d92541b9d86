import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FatalError } from '../errors.js';
import type { AccountStore } from './account-store.js';
import { accountLedger } from './account-ledger.js';
import type { ApprovalStore } from './approval-store.js';
import { approvalRecords } from './approval-records.js';
import { readDatabaseFile } from './database-file.js';
import { acquireLock, type AcquireOptions } from './lock-file.js';
import { runLog } from './run-log.js';
import type { RunStore } from './run-store.js';
import { slotLedger } from './slot-ledger.js';
import { strategyLedger } from './strategy-ledger.js';
import type { StrategyStore } from './strategy-store.js';
import type { SlotStore } from './slot-store.js';
import type { StoreContext } from './store-context.js';
import { emptyStoreData, type StoreData } from './store-data.js';
import { WriteBehind } from './write-behind.js';

/** Default folder of the database, relative to the working directory; `--data-dir` or `BALLAST_DATA_DIR` override it. */
export const DEFAULT_DATA_DIR = '.ballast';

/** The file name of the database inside the data folder. */
export const DATABASE_FILE = 'ballast.json';

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
 * (paper ledgers) and {@link StrategyStore} (held signals and sleeves). Code takes the smallest of them it needs. Persistence is chosen by construction:
 * `Store.open` (a lowdb JSON file) or `Store.inMemory` (tests, replay); both run the same code.
 *
 * **When state is written** (one rule): every change is applied in memory at once and written by the store on its
 * own, coalesced with the changes around it (see `WriteBehind`); methods that return a Promise (`recordRun`,
 * `beginSlot`, …) resolve after their write, and `persist()` resolves once every change so far is on disk. Tell a
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
   * Opens (creating if needed) the database in `dataDir`. Throws `CORRUPT_DATABASE` when the file is not valid JSON.
   * With `owner` (the command name), takes the lock first so no other process writes meanwhile (throws
   * `StoreLockedError` when a live process holds it) and checks it is still ours before every write; `close()`
   * releases it. Without `owner` the store is read-only: a change throws `READ_ONLY_STORE`.
   */
  async open(dataDir: string, owner?: string, options: OpenOptions = {}): Promise<Store> {
    await mkdir(dataDir, { recursive: true });
    const lock = owner === undefined ? undefined : await acquireLock(dataDir, owner, new Date(), options.lock);
    const file = join(dataDir, DATABASE_FILE);
    try {
      const database = await readDatabaseFile(file);
      const write = lock === undefined ? undefined : async () => {
        await lock.verify();
        await database.write();
      };
      return assemble(database.data, file, write, async () => lock?.release());
    } catch (error) {
      await lock?.release();
      throw error;
    }
  },

  /** A store that lives only as long as the process. */
  async inMemory(): Promise<Store> {
    return assemble(emptyStoreData(), '(memory)', async () => undefined, async () => undefined);
  },
};

function assemble(data: StoreData, location: string, write: (() => Promise<void>) | undefined, release: () => Promise<void>): Store {
  const writer = write && new WriteBehind(write);
  const context: StoreContext = {
    data,
    change(mutate) {
      if (writer === undefined) throw new FatalError('READ_ONLY_STORE', `${location} was opened read-only`, 'only commands that take the lock may change it: please report this as a bug');
      mutate(data);
      writer.changed();
    },
    flushed: async () => writer?.flushed(),
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
        await writer?.flushed();
      } finally {
        await release();
      }
    },
  };
}
