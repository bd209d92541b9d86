import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(import.meta.dirname, '../..');
const run = promisify(execFile);

/**
 * `ballast --help` as a user starts it: a fresh Node process running `bin/ballast.js` on the built CLI, to its exit.
 * What it measures is loading: the registry imports each command's module only when that command runs.
 */
export function benchCliStartup(): () => Promise<unknown> {
  return () => run(process.execPath, [join(ROOT, 'bin/ballast.js'), '--help'], { cwd: ROOT });
}
