import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { promisify } from 'node:util';
import { FatalError } from '../errors.js';
import type { PolicySource } from '../policy/validate-policy.js';
import { findPolicyFiles } from './find-policy-files.js';

const run = promisify(execFile);
const POLICY_FILE = /\.ya?ml$/;

/**
 * The commit a revision names (`HEAD`, `main`, `origin/main`, a hash, `v1~2`), as a short hash, or `undefined` when it
 * names none. Throws a `FatalError` (`NOT_A_GIT_REPOSITORY`) when `cwd` is not inside a git work tree.
 */
export async function resolveCommit(revision: string, cwd: string): Promise<string | undefined> {
  await git(['rev-parse', '--is-inside-work-tree'], cwd).catch((error: unknown) => {
    throw new FatalError('NOT_A_GIT_REPOSITORY', `${cwd} is not in a git repository`, 'ballast diff compares policies between git revisions: run it inside the policies\' git repository', { cause: error });
  });
  try {
    return (await git(['rev-parse', '--verify', '--quiet', '--short', `${revision}^{commit}`], cwd)).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The policy files (`*.yaml`, `*.yml` directly in `dir`, as `ballast run` reads them) and their text at a commit, or
 * in the working tree when `commit` is `null`. Files are named relative to `cwd`, the same on both sides.
 */
export async function policySourcesAt(commit: string | null, dir: string, cwd: string): Promise<PolicySource[]> {
  if (commit === null) {
    const paths = await findPolicyFiles(dir).catch(() => []);
    return Promise.all(paths.map(async (path) => ({ file: relative(cwd, path) || path, text: await readFile(path, 'utf8') })));
  }
  const listing = await git(['ls-tree', '--name-only', commit, '--', `${relative(cwd, dir) || '.'}/`], cwd);
  const files = listing.split('\n').filter((name) => POLICY_FILE.test(name)).sort();
  return Promise.all(files.map(async (file) => ({ file, text: await git(['show', `${commit}:./${file}`], cwd) })));
}

async function git(args: readonly string[], cwd: string): Promise<string> {
  const { stdout } = await run('git', [...args], { cwd, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}
