import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BallastError } from '../errors.js';

/** The lock file inside the data folder. */
export const LOCK_FILE = 'ballast.lock';

/** Another live process owns the database; code `STORE_LOCKED`. The message names it and what to do. */
export class StoreLockedError extends BallastError {
  readonly pid: number;
  constructor(pid: number, owner: string, dataDir: string) {
    super('STORE_LOCKED', `${dataDir} is in use by \`ballast ${owner}\` (pid ${pid}); lowdb cannot share it between processes. Decide in Telegram, or stop that process and run the command again.`);
    this.name = 'StoreLockedError';
    this.pid = pid;
  }
}

/** A held lock; `release` removes the lock file (idempotent). */
export interface StoreLock {
  release(): Promise<void>;
}

/**
 * Takes the database's lock file (`<dataDir>/ballast.lock`, holding `<pid> <owner>`) so one process writes at a time
 * (TECH-NOTES, lowdb). A lock left by a process that no longer runs is taken over. Throws {@link StoreLockedError}
 * when a live process holds it.
 */
export async function acquireStoreLock(dataDir: string, owner: string): Promise<StoreLock> {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid} ${owner}\n`);
      await handle.close();
      let released = false;
      return {
        release: async () => {
          if (released) return;
          released = true;
          await rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const [pidText, holder = 'unknown'] = (await readFile(path, 'utf8').catch(() => '')).trim().split(' ');
      const pid = Number(pidText);
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) throw new StoreLockedError(pid, holder, dataDir);
      await rm(path, { force: true });
    }
  }
  throw new StoreLockedError(0, 'unknown', dataDir);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
