import { formatDiagnostic } from '../policy/diagnostic.js';
import type { LoadedPolicyFile } from '../workspace/load-policy-file.js';

/**
 * Prints every problem of a policy file as `file:line:col  path  message` with the source line and a caret,
 * then the fields a cross-field check also involved.
 */
export function formatDiagnostics(loaded: LoadedPolicyFile): string {
  const { validation } = loaded;
  const all = [...(validation.ok ? [] : validation.errors), ...validation.warnings];
  return all
    .map((d) => {
      const related = (d.related ?? []).map((r) => `       see ${r.path} at ${d.file}:${r.line}:${r.col}`).join('\n');
      return formatDiagnostic(d, loaded.text) + (related ? `\n${related}` : '');
    })
    .join('\n');
}
