import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/store/lock-file.js';

const NOW = new Date('2026-11-23T12:00:00Z');
/** A pid no process can have (above Linux's pid_max). */
const DEAD_PID = 999_999_999;

async function writeLock(dir: string, owner: Record<string, unknown>, ageMs = 0): Promise<void> {
  const file = join(dir, 'ballast.lock');
  await writeFile(file, JSON.stringify(owner));
  const at = new Date(Date.now() - ageMs);
  await utimes(file, at, at);
}

describe('acquireLock', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ballast-lock-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('should refuse a second owner, naming the first one, and free the lock on release', async () => {
    const first = await acquireLock(dir, 'serve', NOW);
    expect(JSON.parse(await readFile(join(dir, 'ballast.lock'), 'utf8'))).toMatchObject({ pid: process.pid, command: 'serve', startedAt: '2026-11-23T12:00:00.000Z' });
    await expect(acquireLock(dir, 'approve', NOW)).rejects.toMatchObject({ code: 'STORE_LOCKED', owner: { pid: process.pid, command: 'serve' } });
    await first.release();
    const second = await acquireLock(dir, 'approve', NOW);
    expect(second.owner.command).toBe('approve');
    await second.release();
  });

  it('should let a short command wait for another short command instead of failing', async () => {
    const first = await acquireLock(dir, 'approve', NOW);
    setTimeout(() => void first.release(), 100);
    const second = await acquireLock(dir, 'approve', NOW, { waitMs: 5_000 });
    expect(second.owner.command).toBe('approve');
    await second.release();
  });

  it('should never let two holders in at once, even when all of them find a lock left by a dead process', async () => {
    await writeLock(dir, { pid: DEAD_PID, host: hostname(), command: 'approve', startedAt: '2026-01-01T00:00:00.000Z' });
    let holders = 0;
    let most = 0;
    let done = 0;
    await Promise.all(Array.from({ length: 60 }, async () => {
      const lock = await acquireLock(dir, 'approve', NOW, { waitMs: 20_000 });
      holders += 1;
      most = Math.max(most, holders);
      await new Promise((resolve) => setTimeout(resolve, 1));
      holders -= 1;
      done += 1;
      await lock.release();
    }));
    expect({ done, most }).toEqual({ done: 60, most: 1 });
  });

  it('should take over a lock whose pid now belongs to another program, without telling anyone to kill it', async () => {
    // The parent of this test runner is alive but is not the process that wrote the lock.
    await writeLock(dir, { pid: process.ppid, host: hostname(), command: 'serve', startedAt: '2026-01-01T00:00:00.000Z', token: 'old', processStart: 'boot-x:1' });
    const lock = await acquireLock(dir, 'run', NOW);
    expect(lock.owner.pid).toBe(process.pid);
    await lock.release();
  });

  it('should refuse a live lock of another host without suggesting kill, and take it over once its heartbeat stopped', async () => {
    const other = { pid: 4242, host: 'elsewhere.example', command: 'serve', startedAt: '2026-01-01T00:00:00.000Z', token: 'remote' };
    await writeLock(dir, other);
    const refusal = await acquireLock(dir, 'run', NOW).then(() => undefined, (error: Error) => error);
    expect(refusal).toMatchObject({ code: 'STORE_LOCKED', owner: { host: 'elsewhere.example' } });
    expect(refusal!.message).not.toMatch(/kill/);
    expect(refusal!.message).toMatch(/elsewhere\.example/);
    await writeLock(dir, other, 10 * 60_000);
    const lock = await acquireLock(dir, 'run', NOW);
    expect(lock.owner.host).toBe(hostname());
    await lock.release();
  });

  it('should take over a lock file it cannot read (an older format)', async () => {
    await writeFile(join(dir, 'ballast.lock'), '999999999 telegram\n');
    const lock = await acquireLock(dir, 'run', NOW);
    expect(lock.owner.command).toBe('run');
    await lock.release();
  });
});
