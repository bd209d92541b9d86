import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'Reviewer', GIT_AUTHOR_EMAIL: 'reviewer@example.com', GIT_COMMITTER_NAME: 'Reviewer', GIT_COMMITTER_EMAIL: 'reviewer@example.com' };

/**
 * A throwaway git repository holding a copy of the bundled policies (without their tests) and example data, committed
 * on `main`.
 */
export interface PolicyRepo {
  readonly dir: string;
  /** Runs git in the repository and returns its output. */
  readonly git: (...args: string[]) => string;
  /** Rewrites a file of the repository with `edit` applied to its text (not committed). */
  readonly edit: (file: string, edit: (text: string) => string) => Promise<void>;
  /** Commits every change with `message`. */
  readonly commit: (message: string) => void;
  readonly remove: () => Promise<void>;
}

/** Creates a {@link PolicyRepo} with one commit, "bundled policies". */
export async function policyRepo(): Promise<PolicyRepo> {
  const dir = await mkdtemp(join(tmpdir(), 'ballast-diff-'));
  await cp(join(ROOT, 'policies'), join(dir, 'policies'), { recursive: true, filter: (src) => !src.includes(join('policies', 'tests')) });
  await cp(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8' });
  git('init', '--quiet', '--initial-branch=main');
  const commit = (message: string): void => {
    git('add', '--all');
    git('commit', '--quiet', '--message', message);
  };
  commit('bundled policies');
  return {
    dir,
    git,
    edit: async (file, edit) => writeFile(join(dir, file), edit(await readFile(join(dir, file), 'utf8'))),
    commit,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
