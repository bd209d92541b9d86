import { hostname } from 'node:os';
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { BallastError } from '../errors.js';

/** File name of the lock inside the data folder. */
export const LOCK_FILE = 'ballast.lock';

/** What the lock file holds: who owns the database. */
export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  /** The command holding it: `serve`, `telegram`, `run`, `approve`, … */
  readonly command: string;
  /** ISO 8601 UTC. */
  readonly startedAt: string;
}

/**
 * Another live process owns the database (code `STORE_LOCKED`): lowdb cannot share a file between processes
 * (TECH-NOTES), so one process writes at a time. `owner` names it (command, pid, host, start time).
 */
export class StoreLockedError extends BallastError {
  readonly owner: LockOwner;
  readonly pid: number;
  readonly lockFile: string;
  constructor(lockFile: string, owner: LockOwner) {
    super('STORE_LOCKED',
      `another ballast ${owner.command ?? 'process'} (pid ${owner.pid} on ${owner.host}, started ${owner.startedAt}) owns this database; ` +
        `${decideHint(owner.command)}stop it first (kill ${owner.pid}) or pass another --data-dir. Lock: ${lockFile}`);
    this.name = 'StoreLockedError';
    this.owner = owner;
    this.pid = owner.pid;
    this.lockFile = lockFile;
  }
}

/** Where to decide proposals while a long-running command owns the database. */
function decideHint(command: string | undefined): string {
  if (command === 'serve') return 'decide in its console (approve <id…>, reject <id…>, pending) or in Telegram, or ';
  if (command === 'telegram') return 'decide in Telegram, or ';
  return '';
}

/** A held lock; `release` removes the file if it is still ours. */
export interface StoreLock {
  readonly file: string;
  readonly owner: LockOwner;
  release(): Promise<void>;
}

/**
 * Takes `<dataDir>/ballast.lock` for this process and `command` (created exclusively, so two starting at once cannot both win).
 * A lock left by a process that no longer runs on this host is stale and replaced. Throws {@link StoreLockedError}
 * naming the owner's pid when a live process holds it. `isAlive` is injectable for tests (default: `kill(pid, 0)`).
 */
export async function acquireLock(
  dataDir: string,
  command: string,
  now: Date,
  options: { pid?: number; isAlive?: (pid: number) => boolean } = {},
): Promise<StoreLock> {
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  const owner: LockOwner = { pid: options.pid ?? process.pid, host: hostname(), command, startedAt: now.toISOString() };
  const isAlive = options.isAlive ?? processIsAlive;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${JSON.stringify(owner)}\n`);
      await handle.close();
      return { file, owner, release: () => releaseIfOurs(file, owner) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const current = await readOwner(file);
    if (current && (current.host !== owner.host || isAlive(current.pid))) throw new StoreLockedError(file, current);
    await unlink(file).catch(() => undefined); // stale or unreadable: the owner is gone
  }
  throw new BallastError('LOCK_FAILED', `could not take the lock ${file}; remove it if no ballast process is running`);
}

/** Reads the lock file's owner, or undefined when there is none or it is unreadable. */
export async function readOwner(file: string): Promise<LockOwner | undefined> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as LockOwner;
    return typeof data.pid === 'number' ? data : undefined;
  } catch {
    return undefined;
  }
}

async function releaseIfOurs(file: string, owner: LockOwner): Promise<void> {
  const current = await readOwner(file);
  if (current && current.pid === owner.pid && current.startedAt === owner.startedAt) await unlink(file).catch(() => undefined);
}

/** True when a process with this pid exists (signal 0 checks without signalling). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
