import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { acquireLock } from '../../src/store/lock-file.js';
import { testIo } from '../support/test-io.js';

describe('ballast status: the database lock', () => {
  let dir: string;
  let data: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ballast-status-lock-'));
    data = join(dir, '.ballast');
    await mkdir(join(dir, 'policies'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function status(): Promise<string> {
    const io = testIo(dir);
    expect(await main(['status'], io), io.err()).toBe(0);
    return io.out();
  }

  async function leaveLock(owner: Record<string, unknown>, ageMs = 0): Promise<void> {
    await acquireLock(data, 'probe', new Date()).then((lock) => lock.release());
    await writeFile(join(data, 'ballast.lock'), JSON.stringify(owner));
    const at = new Date(Date.now() - ageMs);
    await utimes(join(data, 'ballast.lock'), at, at);
  }

  it('should say that serve holds it and that stopping that verified pid is safe', async () => {
    const lock = await acquireLock(data, 'serve', new Date('2026-11-23T12:00:00Z'));
    const out = await status();
    expect(out).toMatch(new RegExp(`ballast serve is running \\(pid ${process.pid}`));
    expect(out).toMatch(new RegExp(`database lock: held by ballast serve \\(pid ${process.pid}.*kill ${process.pid}`));
    await lock.release();
  });

  it('should call a lock of a process that no longer runs stale and say the next command takes it over', async () => {
    await leaveLock({ pid: 999_999_999, host: hostname(), command: 'run', startedAt: '2026-11-23T12:00:00.000Z' });
    const out = await status();
    expect(out).toMatch(/ballast serve is not running/);
    expect(out).toMatch(/database lock: stale: ballast run \(pid 999999999\) no longer runs; the next command that writes takes it over/);
  });

  it('should not mistake a pid reused by another program for serve, nor suggest killing it', async () => {
    await leaveLock({ pid: process.ppid, host: hostname(), command: 'serve', startedAt: '2026-11-23T12:00:00.000Z', token: 't', processStart: 'boot-x:1' });
    const out = await status();
    expect(out).toMatch(/ballast serve is not running/);
    expect(out).toMatch(new RegExp(`database lock: stale: pid ${process.ppid} is another program now`));
    expect(out).not.toMatch(/kill/);
  });

  it('should name another host\'s live lock and say when it lapses, without suggesting kill', async () => {
    await leaveLock({ pid: 4242, host: 'elsewhere.example', command: 'serve', startedAt: '2026-11-23T12:00:00.000Z', token: 't' });
    const out = await status();
    expect(out).toMatch(/database lock: held by ballast serve \(pid 4242 on host elsewhere\.example.*lapses by itself 30 s after its last heartbeat/);
    expect(out).not.toMatch(/kill/);
  });
});
