import { dirname, join, normalize, resolve } from 'node:path';
import { parseSignalFile } from '../market/parse-signal-file.js';
import type { Policy } from '../policy/policy.js';
import type { SignalFile } from '../strategy/signals/signal-file.js';
import { readInput } from './read-input.js';

/**
 * Reads the signal file of every strategy with a file signal, by strategy id. A file is relative to the policy
 * file's folder (`policyPath`, absolute) and named in messages relative to where the user is (`policyShown`'s
 * folder joined with it, e.g. `policies/../signals/research.csv` → `signals/research.csv`).
 * Throws `InputError` for a file that cannot be read or parsed.
 */
export async function loadSignalFiles(policy: Policy, policyPath: string, policyShown: string): Promise<Map<string, SignalFile>> {
  const files = new Map<string, SignalFile>();
  for (const strategy of policy.strategies ?? []) {
    if (!('file' in strategy.signal)) continue;
    const path = resolve(dirname(policyPath), strategy.signal.file);
    const shown = normalize(join(dirname(policyShown), strategy.signal.file));
    files.set(strategy.id, parseSignalFile(shown, await readInput(path, shown)));
  }
  return files;
}
