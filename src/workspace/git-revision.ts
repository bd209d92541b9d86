import { execFile } from 'node:child_process';
import { dirname, basename } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The git revision of a file: the short hash of the last commit that touched it, with `+dirty` when the working
 * copy differs from that commit (or the file is not committed yet), or `unversioned` outside a git work tree
 * or when git is not installed. Never throws: a revision is information, not a precondition.
 */
export async function gitRevision(file: string): Promise<string> {
  const cwd = dirname(file);
  const name = basename(file);
  try {
    const { stdout: commit } = await run('git', ['log', '-1', '--format=%h', '--', name], { cwd });
    const { stdout: status } = await run('git', ['status', '--porcelain', '--', name], { cwd });
    const hash = commit.trim();
    if (hash === '') return 'uncommitted';
    return status.trim() === '' ? hash : `${hash}+dirty`;
  } catch {
    return 'unversioned';
  }
}
