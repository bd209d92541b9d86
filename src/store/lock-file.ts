import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { FatalError, isSystemError, RetryableError } from '../errors.js';
import { processIdentity, processIsAlive } from './process-identity.js';

/** File name of the lock inside the data folder. */
export const LOCK_FILE = 'ballast.lock';

/** How often a holder touches the lock file (its heartbeat), in ms. */
export const HEARTBEAT_MS = 5_000;

/** A lock whose heartbeat is older than this, and whose owner cannot be checked directly, is stale (ms). */
export const STALE_MS = 30_000;

/** Commands that hold the lock for as long as they run; the others hold it for one short job and are waited for. */
const LONG_RUNNING = new Set(['serve', 'telegram']);

/** What the lock file holds: who owns the database. */
export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  /** The command holding it: `serve`, `telegram`, `run`, `approve`, … */
  readonly command: string;
  /** ISO 8601 UTC. */
  readonly startedAt: string;
  /** Random, unique per acquisition: tells this holder's lock from any later one. Absent in older lock files. */
  readonly token?: string;
  /** The holder's {@link processIdentity}, to recognise its pid reused by another program. Absent off Linux. */
  readonly processStart?: string;
}

/**
 * What a lock file says and whether it still counts. `live`: its owner runs (`running`: checked by pid and start
 * time on this host; `heartbeat`: touched within {@link STALE_MS}, which is all that can be checked for another
 * host or without `/proc`). `stale`: `not_running` (no such pid here), `pid_reused` (the pid is another program now),
 * `no_heartbeat` (not touched for {@link STALE_MS}) or `unreadable` (not a lock this version wrote).
 */
export interface LockState {
  readonly file: string;
  readonly owner: LockOwner | undefined;
  readonly verdict: 'live' | 'stale';
  readonly reason: 'running' | 'heartbeat' | 'not_running' | 'pid_reused' | 'no_heartbeat' | 'unreadable';
  readonly sameHost: boolean;
  /** Time since the holder last touched the file, in ms. */
  readonly heartbeatAgeMs: number;
  /** The file's bytes, to recognise it again before removing it. */
  readonly raw: string;
}

/**
 * Another live process owns the database (code `STORE_LOCKED`): lowdb cannot share a file between processes
 * (TECH-NOTES), so one process writes at a time. `owner` names it; the message says how to go on safely and only
 * suggests stopping a process that was checked to be the lock's owner.
 */
export class StoreLockedError extends FatalError {
  declare readonly code: 'STORE_LOCKED';
  readonly owner: LockOwner;
  readonly lock: LockState;
  readonly lockFile: string;
  constructor(lock: LockState & { owner: LockOwner }, waitedMs: number) {
    super('STORE_LOCKED', lockedProblem(lock, waitedMs), `${decideHint(lock.owner.command)}${clearAdvice(lock)} Lock: ${lock.file}`);
    this.owner = lock.owner;
    this.lock = lock;
    this.lockFile = lock.file;
  }
}

/** This process no longer holds the lock it took (code `LOCK_LOST`): it must not write, but running the command again may work. */
export class LockLostError extends RetryableError {
  declare readonly code: 'LOCK_LOST';
  constructor(file: string) {
    super('LOCK_LOST', `this process no longer holds ${file} (another process took it over); nothing more was written`, 'run the command again');
  }
}

/** A held lock, kept alive by a heartbeat until released. */
export interface StoreLock {
  readonly file: string;
  readonly owner: LockOwner;
  /** Throws {@link LockLostError} unless the lock file is still this holder's: call before every write. */
  verify(): Promise<void>;
  /** Stops the heartbeat and removes the file if it is still ours. */
  release(): Promise<void>;
}

/** Options of {@link acquireLock}; every field has a default. */
export interface AcquireOptions {
  /** How long to wait for another short command (not `serve`/`telegram`) to finish, in ms. Default 10,000. */
  readonly waitMs?: number;
  /** Heartbeat interval in ms. Default {@link HEARTBEAT_MS}. */
  readonly heartbeatMs?: number;
}

/**
 * Takes `<dataDir>/ballast.lock` for this process and `command`. The file is created with its content in one step
 * (written aside, then hard-linked into place, which fails if the file exists), so nobody ever reads a half-written
 * lock. A stale lock (see {@link LockState}) is removed under a second lock, `ballast.lock.break`, and only if it is
 * still the file that was judged stale, so two processes that find the same dead owner cannot both take over.
 * While another short command holds it, waits up to `waitMs`; throws {@link StoreLockedError} when a live
 * long-running command holds it or the wait runs out, and `DATA_DIR_UNUSABLE` when the folder cannot be written
 * (read-only, no permission, not a folder).
 */
export async function acquireLock(dataDir: string, command: string, now: Date, options: AcquireOptions = {}): Promise<StoreLock> {
  try {
    return await takeLock(dataDir, command, now, options);
  } catch (error) {
    if (!isSystemError(error)) throw error;
    throw new FatalError(
      'DATA_DIR_UNUSABLE',
      `cannot write the data folder ${dataDir} (${error.code}: ${error.message.replace(/^[A-Z]+: /, '')})`,
      'make it writable, or pass --data-dir <dir> (or set BALLAST_DATA_DIR) to a writable folder',
      { cause: error },
    );
  }
}

async function takeLock(dataDir: string, command: string, now: Date, options: AcquireOptions): Promise<StoreLock> {
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  const processStart = processIdentity(process.pid);
  const owner: LockOwner = {
    pid: process.pid, host: hostname(), command, startedAt: now.toISOString(), token: randomBytes(9).toString('base64url'),
    ...(processStart ? { processStart } : {}),
  };
  const content = `${JSON.stringify(owner)}\n`;
  const started = Date.now();
  const waitMs = options.waitMs ?? 10_000;
  for (;;) {
    if (await createExclusive(file, content)) return holdLock(file, owner, content, options.heartbeatMs ?? HEARTBEAT_MS);
    const state = await inspectLock(file);
    if (state === undefined) continue;
    if (state.verdict === 'stale') {
      if (!(await removeStale(file, state.raw, content))) await pause();
      continue;
    }
    const owned = state as LockState & { owner: LockOwner };
    const waited = Date.now() - started;
    if (LONG_RUNNING.has(owned.owner.command) || waited >= waitMs) throw new StoreLockedError(owned, waited);
    await pause();
  }
}

/** Reads a lock file and judges it (see {@link LockState}); undefined when there is no lock. */
export async function inspectLock(file: string, staleMs: number = STALE_MS): Promise<LockState | undefined> {
  let raw: string;
  let mtimeMs: number;
  try {
    [raw, { mtimeMs }] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const owner = parseOwner(raw);
  const heartbeatAgeMs = Math.max(0, Date.now() - mtimeMs);
  const base = { file, owner, raw, heartbeatAgeMs, sameHost: owner?.host === hostname() };
  if (owner === undefined) return { ...base, verdict: 'stale', reason: 'unreadable' };
  if (base.sameHost) {
    if (!processIsAlive(owner.pid)) return { ...base, verdict: 'stale', reason: 'not_running' };
    const identity = owner.processStart === undefined ? undefined : processIdentity(owner.pid);
    if (identity !== undefined) return identity === owner.processStart ? { ...base, verdict: 'live', reason: 'running' } : { ...base, verdict: 'stale', reason: 'pid_reused' };
  }
  return heartbeatAgeMs < staleMs ? { ...base, verdict: 'live', reason: 'heartbeat' } : { ...base, verdict: 'stale', reason: 'no_heartbeat' };
}

function parseOwner(raw: string): LockOwner | undefined {
  try {
    const data = JSON.parse(raw) as Partial<LockOwner>;
    const valid = typeof data.pid === 'number' && typeof data.host === 'string' && typeof data.command === 'string' && typeof data.startedAt === 'string';
    return valid ? (data as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

/** Creates `file` holding `content` unless it exists: written to a unique temporary name, then hard-linked. */
async function createExclusive(file: string, content: string): Promise<boolean> {
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(temporary, content, { flag: 'wx' });
  try {
    await link(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/**
 * Removes the stale lock whose bytes were `seen`, holding `<lock>.break` meanwhile so no other breaker can remove a
 * fresh lock by mistake. Returns false when another process is breaking it (its breaker is cleared if stale itself).
 */
async function removeStale(file: string, seen: string, content: string): Promise<boolean> {
  const breaker = `${file}.break`;
  if (!(await createExclusive(breaker, content))) {
    const other = await inspectLock(breaker, 2_000);
    if (other?.verdict === 'stale') await unlinkIfUnchanged(breaker, other.raw);
    return false;
  }
  try {
    await unlinkIfUnchanged(file, seen);
  } finally {
    await unlink(breaker).catch(() => undefined);
  }
  return true;
}

async function unlinkIfUnchanged(file: string, seen: string): Promise<void> {
  const now = await readFile(file, 'utf8').catch(() => undefined);
  if (now === seen) await unlink(file).catch(() => undefined);
}

function holdLock(file: string, owner: LockOwner, content: string, heartbeatMs: number): StoreLock {
  const ours = async (): Promise<boolean> => (await readFile(file, 'utf8').catch(() => undefined)) === content;
  const heartbeat = setInterval(() => {
    void ours().then((yes) => (yes ? utimes(file, new Date(), new Date()) : undefined)).catch(() => undefined);
  }, heartbeatMs);
  heartbeat.unref();
  return {
    file,
    owner,
    verify: async () => {
      if (!(await ours())) throw new LockLostError(file);
    },
    release: async () => {
      clearInterval(heartbeat);
      if (await ours()) await unlink(file).catch(() => undefined);
    },
  };
}

function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
}

function lockedProblem(lock: LockState & { owner: LockOwner }, waitedMs: number): string {
  const { owner } = lock;
  const who = `ballast ${owner.command} (pid ${owner.pid}${lock.sameHost ? '' : ` on host ${owner.host}`}, started ${owner.startedAt})`;
  const still = waitedMs > 0 && !LONG_RUNNING.has(owner.command) ? ` still holds it after ${(waitedMs / 1000).toFixed(1)} s` : ' owns this database';
  return `${who}${still}`;
}

/**
 * How to clear a live lock safely, in one sentence: stop the owner only when it was checked to be the process that
 * took the lock; otherwise say what to check and that the lock lapses by itself once its heartbeat stops.
 */
export function clearAdvice(lock: LockState & { owner: LockOwner }): string {
  const { owner } = lock;
  const lapse = `it lapses by itself ${STALE_MS / 1000} s after its last heartbeat (${Math.round(lock.heartbeatAgeMs / 1000)} s ago)`;
  if (!lock.sameHost) return `stop it on ${owner.host} or pass another --data-dir; if ${owner.host} is down, ${lapse}.`;
  if (lock.reason === 'running') return `stop it first (it is pid ${owner.pid}: \`kill ${owner.pid}\` stops exactly that process) or pass another --data-dir.`;
  return `stop it first or pass another --data-dir (check that pid ${owner.pid} is ballast with \`ps -p ${owner.pid} -o args\` before stopping it); ${lapse}.`;
}

/** Where to decide proposals while a long-running command owns the database. */
function decideHint(command: string): string {
  if (command === 'serve') return 'decide in its console (approve <id…>, reject <id…>, pending) or in Telegram, or ';
  if (command === 'telegram') return 'decide in Telegram, or ';
  return '';
}
