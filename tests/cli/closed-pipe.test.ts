import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleWorkspace } from '../support/example-workspace.js';

const ROOT = join(import.meta.dirname, '../..');

/** Runs `bin/ballast.js` with its output read by nobody (the reader closed at once, like `| head -0`). */
function runWithClosedStdout(args: readonly string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/ballast.js'), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BALLAST_TELEGRAM_TOKEN: '' } });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('the ballast process', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-if-stale.js')], { stdio: 'inherit' });
    ({ dir, remove } = await exampleWorkspace('pipe'));
    execFileSync(process.execPath, [join(ROOT, 'bin/ballast.js'), 'run'], { cwd: dir, stdio: 'ignore' });
  }, 180_000);
  afterAll(async () => {
    await remove();
  });

  it.each([['positions'], ['status'], ['history']])('should exit quietly when the reader of %s closes the pipe', async (command) => {
    const { code, stderr } = await runWithClosedStdout([command], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
