import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { findPolicyFiles } from '../../workspace/find-policy-files.js';
import { loadPolicyFile } from '../../workspace/load-policy-file.js';
import { refuseDuplicateIds } from '../../workspace/refuse-duplicate-ids.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { formatDiagnostics } from '../../text/format-diagnostics.js';

/** Options of `ballast check`. */
export interface CheckOptions {
  readonly paths: readonly string[];
  readonly json: boolean;
}

/**
 * `ballast check [paths…]`: validates policy files (default: every file in `policies/`; a folder stands for every
 * `*.yaml` in it) and prints every problem as `file:line:col  path  message` with the source line; two files with one
 * policy id are both invalid. Exit 0 when all are valid, 1 otherwise.
 */
export async function check(options: CheckOptions, io: CliIo): Promise<number> {
  const given = options.paths.length > 0 ? options.paths : ['policies'];
  const paths = (await Promise.all(given.map((p) => policyFilesAt(resolve(io.cwd, p))))).flat();
  const loaded = refuseDuplicateIds(await Promise.all(paths.map((path) => loadPolicyFile(path, io.cwd))));
  const invalid = loaded.filter((l) => !l.validation.ok);
  if (options.json) {
    const files = loaded.map((l) => ({
      file: l.file,
      ok: l.validation.ok,
      errors: l.validation.ok ? [] : l.validation.errors,
      warnings: l.validation.warnings,
    }));
    io.stdout(JSON.stringify({ ok: invalid.length === 0, files }, null, 2));
  } else {
    for (const l of loaded) {
      if (l.validation.ok) io.stdout(`ok  ${l.file}  (${l.validation.policy.id} @ ${l.revision.revision})${l.validation.warnings.length ? `\n${formatDiagnostics(l)}` : ''}`);
      else io.stdout(formatDiagnostics(l));
    }
    const errorCount = invalid.reduce((n, l) => n + (l.validation.ok ? 0 : l.validation.errors.length), 0);
    io.stdout(invalid.length === 0 ? `${loaded.length} ${plural(loaded.length, 'policy', 'policies')} valid` : `${errorCount} ${plural(errorCount, 'problem', 'problems')} in ${invalid.length} of ${loaded.length} ${plural(loaded.length, 'file', 'files')}`);
  }
  return invalid.length === 0 ? EXIT.ok : EXIT.problems;
}

/** `path` itself, or every policy file in it when it is a folder (a path that does not exist is reported by the loader). */
async function policyFilesAt(path: string): Promise<string[]> {
  const isFolder = await stat(path).then((s) => s.isDirectory(), () => false);
  return isFolder ? findPolicyFiles(path) : [path];
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
