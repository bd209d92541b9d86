import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

/** A throwaway copy of the repo's `policies/` and `examples/` in a temporary folder, for commands that write `.ballast/`. */
export async function exampleWorkspace(prefix: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `ballast-${prefix}-`));
  await cp(join(ROOT, 'policies'), join(dir, 'policies'), { recursive: true });
  await cp(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
