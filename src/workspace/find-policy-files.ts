import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FatalError } from '../errors.js';

/** Every `*.yaml` / `*.yml` file directly in `dir`, sorted by name. Throws when the folder does not exist. */
export async function findPolicyFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new FatalError('NO_POLICY_DIR', `no policy folder at ${dir}`, 'create it or pass --policies <dir>', { cause: error });
  }
  return names.filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => join(dir, n));
}
