import { resolve } from 'node:path';
import type { Diagnostic } from '../../policy/diagnostic.js';
import { PolicyRegistry, type ActivePolicy } from '../../serve/policy-registry.js';
import { findPolicyFiles } from '../../workspace/find-policy-files.js';
import { loadPolicyFile } from '../../workspace/load-policy-file.js';
import type { CliIo } from '../cli-io.js';

/** Every valid policy of the folder with its parsed schedules, and the diagnostics of the invalid ones. */
export async function loadActivePolicies(dir: string, io: CliIo): Promise<{ active: ActivePolicy[]; invalid: { file: string; diagnostics: readonly Diagnostic[] }[] }> {
  const registry = new PolicyRegistry();
  const invalid: { file: string; diagnostics: readonly Diagnostic[] }[] = [];
  for (const path of await findPolicyFiles(resolve(io.cwd, dir))) {
    const change = registry.update(path, await loadPolicyFile(path, io.cwd));
    if (change.kind === 'invalid') invalid.push({ file: change.file, diagnostics: change.diagnostics });
  }
  return { active: registry.active(), invalid };
}
