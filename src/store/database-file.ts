import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { FatalError } from '../errors.js';
import { emptyStoreData, type StoreData } from './store-data.js';

/** The database file of a data folder, read into memory, and how to write it back. */
export interface DatabaseFile {
  readonly data: StoreData;
  /** Writes `data` to the file (lowdb/steno: a temporary file renamed over it). */
  write(): Promise<void>;
}

/** Reads the database file at `file` (a new one when absent). Throws `CORRUPT_DATABASE` when it is not valid JSON. */
export async function readDatabaseFile(file: string): Promise<DatabaseFile> {
  const db = new Low<StoreData>(new JSONFile<StoreData>(file), emptyStoreData());
  try {
    await db.read();
  } catch (error) {
    throw new FatalError('CORRUPT_DATABASE', `${file} is not valid JSON (${(error as Error).message})`, 'move it aside to start a new database', { cause: error });
  }
  db.data.slots ??= {};
  db.data.proposals ??= [];
  db.data.accounts ??= {};
  db.data.equity ??= {};
  db.data.refusals ??= [];
  db.data.paused ??= {};
  db.data.strategies ??= {};
  return { data: db.data, write: () => db.write() };
}
