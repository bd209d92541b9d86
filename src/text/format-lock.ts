import { clearAdvice, type LockOwner, type LockState } from '../store/lock-file.js';

/**
 * One line on the database lock for `ballast status`: free, held (by whom, and how to clear it safely), or stale
 * (why, and that the next writer takes it over).
 */
export function formatLock(lock: LockState | undefined): string {
  if (lock === undefined) return 'database lock: free';
  const { owner } = lock;
  if (owner === undefined) return `database lock: stale: ${lock.file} is not a lock this version wrote; the next command that writes takes it over, or remove it`;
  const who = `ballast ${owner.command} (pid ${owner.pid}${lock.sameHost ? '' : ` on host ${owner.host}`}, since ${owner.startedAt})`;
  if (lock.verdict === 'live') {
    return `database lock: held by ${who}, heartbeat ${Math.round(lock.heartbeatAgeMs / 1000)} s ago; ${clearAdvice(lock as LockState & { owner: LockOwner })}`;
  }
  return `database lock: stale: ${staleWhy(lock, owner)}; the next command that writes takes it over, or remove ${lock.file} (safe: its owner is gone)`;
}

function staleWhy(lock: LockState, owner: LockOwner): string {
  if (lock.reason === 'pid_reused') return `pid ${owner.pid} is another program now (ballast ${owner.command} that took the lock has ended)`;
  if (lock.reason === 'not_running') return `ballast ${owner.command} (pid ${owner.pid}) no longer runs`;
  return `ballast ${owner.command} (pid ${owner.pid} on host ${owner.host}) has not touched it for ${Math.round(lock.heartbeatAgeMs / 1000)} s`;
}
