import { parseYamlSource } from '../policy/yaml-source.js';
import type { LoadedPolicyFile } from './load-policy-file.js';

/**
 * The files as loaded, except that every valid one whose policy id another file also uses becomes invalid, with a
 * `DUPLICATE_POLICY_ID` error at its `id:` naming the other files: two files with one id would trade one account
 * under two policies, so neither runs until one is renamed. Pure.
 */
export function refuseDuplicateIds(files: readonly LoadedPolicyFile[]): LoadedPolicyFile[] {
  const byId = new Map<string, LoadedPolicyFile[]>();
  for (const file of files) if (file.validation.ok) byId.set(file.validation.policy.id, [...(byId.get(file.validation.policy.id) ?? []), file]);
  return files.map((file) => {
    if (!file.validation.ok) return file;
    const id = file.validation.policy.id;
    const others = byId.get(id)!.filter((other) => other !== file);
    if (others.length === 0) return file;
    const parsed = parseYamlSource({ file: file.file, text: file.text }, '');
    if (!parsed.ok) return file;
    const error = parsed.parsed.place({
      code: 'DUPLICATE_POLICY_ID', path: ['id'], target: 'value',
      message: `policy id \`${id}\` is also the id of ${others.map((o) => o.file).join(', ')}; give each policy file its own id (each names its bot and account)`,
    });
    return { ...file, validation: { ok: false, errors: [error], warnings: file.validation.warnings } };
  });
}
