import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { FatalError } from '../errors.js';
import { didYouMean } from '../util/did-you-mean.js';
import { findPolicyFiles } from '../workspace/find-policy-files.js';
import { loadPolicyFile } from '../workspace/load-policy-file.js';

/**
 * The policy file a command argument names: a path to a file, or the `id` of a policy in the `policies` folder
 * (`dow-index` for `policies/dow-index.yaml`). Throws `FatalError` `UNKNOWN_POLICY` naming the known ids, with a
 * did-you-mean when one is close.
 */
export async function resolvePolicyPath(argument: string, policies: string, cwd: string): Promise<string> {
  const path = resolve(cwd, argument);
  try {
    await access(path);
    return path;
  } catch {
    // Not a file: look it up by id below.
  }
  const ids = new Map<string, string>();
  try {
    for (const file of await findPolicyFiles(resolve(cwd, policies))) {
      const loaded = await loadPolicyFile(file, cwd);
      if (loaded.validation.ok) ids.set(loaded.validation.policy.id, file);
    }
  } catch {
    // No policy folder: nothing to look up.
  }
  const found = ids.get(argument);
  if (found !== undefined) return found;
  const close = didYouMean(argument, [...ids.keys()]);
  const known = ids.size > 0 ? `the policies in ${policies}/ are ${[...ids.keys()].join(', ')}` : `${policies}/ has no valid policy`;
  throw new FatalError('UNKNOWN_POLICY', `unknown policy ${argument}: no such file and no policy with that id${close ? ` (did you mean ${close}?)` : ''}`, `give a policy file or id; ${known}`);
}
