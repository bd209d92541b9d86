import { readFileSync } from 'node:fs';

/**
 * Which process a pid names, beyond the pid itself: `<boot id>:<start time in clock ticks since boot>` from Linux's
 * `/proc`, so a pid reused by another program after a reboot or a restart is told apart from the process that took a
 * lock. Undefined where `/proc` is not available (macOS, Windows) or the process does not exist.
 */
export function processIdentity(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime) comes after the command name, which is in parentheses and may itself contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const startTicks = fields[19];
    return startTicks === undefined ? undefined : `${bootId()}:${startTicks}`;
  } catch {
    return undefined;
  }
}

let cachedBootId: string | undefined;

function bootId(): string {
  cachedBootId ??= readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  return cachedBootId;
}

/** True when a process with this pid exists on this host (signal 0 checks without signalling). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
