import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { processIsAlive } from '../../src/store/process-identity.js';
import { buildDist } from '../support/build-dist.js';
import { exampleWorkspace } from '../support/example-workspace.js';

const ROOT = join(import.meta.dirname, '../..');

async function until(condition: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** `npx ballast serve` runs serve under `npm exec` and a shell; stopping npx kills the shell, not serve. */
describe('ballast serve launched through npx', () => {
  let dir: string;
  let remove: () => Promise<void>;
  let servePid: number | undefined;
  beforeAll(async () => {
    await buildDist();
  }, 120_000);
  beforeEach(async () => {
    ({ dir, remove } = await exampleWorkspace('orphan'));
  });
  afterEach(async () => {
    if (servePid !== undefined && processIsAlive(servePid)) process.kill(servePid, 'SIGKILL');
    await remove();
  });

  it('should stop by itself, releasing the lock, when the npx that launched it is gone', async () => {
    const shell = spawn('sh', ['-c', `node ${join(ROOT, 'bin/ballast.js')} serve --no-watch; true`], {
      cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_command: 'exec' },
    });
    let out = '';
    shell.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    expect(await until(() => /next slot at|no schedules/.test(out), 30_000)).toBe(true);
    servePid = JSON.parse(await readFile(join(dir, '.ballast', 'ballast.lock'), 'utf8')).pid as number;
    shell.kill('SIGKILL'); // what npm exec does to its shell on SIGTERM: serve is left orphaned
    expect(await until(() => !processIsAlive(servePid!), 15_000)).toBe(true);
    await expect(readFile(join(dir, '.ballast', 'ballast.lock'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  }, 60_000);
});
