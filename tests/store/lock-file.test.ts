import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/store/lock-file.js';

describe('acquireLock', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ballast-lock-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('should refuse a second owner, naming the first one\'s pid, and free the lock on release', async () => {
    const now = new Date('2026-11-23T12:00:00Z');
    const first = await acquireLock(dir, 'serve', now);
    expect(JSON.parse(await readFile(join(dir, 'ballast.lock'), 'utf8'))).toMatchObject({ pid: process.pid, startedAt: '2026-11-23T12:00:00.000Z' });
    await expect(acquireLock(dir, 'serve', now, { pid: process.pid + 1 })).rejects.toMatchObject({ code: 'STORE_LOCKED', owner: { pid: process.pid } });
    await expect(acquireLock(dir, 'serve', now, { pid: process.pid + 1 })).rejects.toThrow(new RegExp(`pid ${process.pid}`));
    await first.release();
    const second = await acquireLock(dir, 'serve', now, { pid: process.pid + 1 });
    expect(second.owner.pid).toBe(process.pid + 1);
  });

  it('should replace a stale lock left by a process that no longer runs', async () => {
    await writeFile(join(dir, 'ballast.lock'), JSON.stringify({ pid: 424242, host: hostname(), startedAt: '2026-01-01T00:00:00.000Z' }));
    const lock = await acquireLock(dir, 'serve', new Date('2026-11-23T12:00:00Z'), { isAlive: (pid) => pid !== 424242 });
    expect(lock.owner.pid).toBe(process.pid);
  });
});
