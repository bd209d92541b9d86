import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { knownSymbolsOf, type KnownSymbols } from '../../policy/symbol-problems.js';
import { EXAMPLE_PRICES } from '../../workspace/example-files.js';
import { findPolicyFiles } from '../../workspace/find-policy-files.js';
import { loadPolicyFile } from '../../workspace/load-policy-file.js';
import { loadPricePanel } from '../../workspace/load-price-panel.js';
import { refuseDuplicateIds } from '../../workspace/refuse-duplicate-ids.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { formatDiagnostics } from '../../text/format-diagnostics.js';

/** Options of `ballast check`. */
export interface CheckOptions {
  readonly paths: readonly string[];
  readonly json: boolean;
  /** The price file the policies run on; default: the bundled prices under `examples`, when they exist. */
  readonly prices?: string;
  /** The example data folder. Default `examples`. */
  readonly examples?: string;
  /** Warnings fail the check too (exit 1). Default false: warnings are printed and the exit code ignores them. */
  readonly strict?: boolean;
}

/**
 * `ballast check [paths…]`: validates policy files (default: every file in `policies/`; a folder stands for every
 * `*.yaml` in it) and prints every problem and warning as `file:line:col  path  message` with the source line; two
 * files with one policy id are both invalid. Symbols are checked against the price file the policies run on:
 * `--prices`, else the bundled prices `ballast run` uses (skipped when there are none). Exit 0 when all are valid
 * (warnings such as a percentage that looks like a fraction do not count, unless `strict`), 1 otherwise.
 * Throws `InputError` when the price file given cannot be read.
 */
export async function check(options: CheckOptions, io: CliIo): Promise<number> {
  const given = options.paths.length > 0 ? options.paths : ['policies'];
  const paths = (await Promise.all(given.map((p) => policyFilesAt(resolve(io.cwd, p))))).flat();
  const knownSymbols = await pricedSymbols(options, io);
  const loaded = refuseDuplicateIds(await Promise.all(paths.map((path) => loadPolicyFile(path, io.cwd, knownSymbols ? { knownSymbols } : {}))));
  const invalid = loaded.filter((l) => !l.validation.ok);
  const warningCount = loaded.reduce((n, l) => n + l.validation.warnings.length, 0);
  const failed = invalid.length > 0 || (options.strict === true && warningCount > 0);
  if (options.json) {
    const files = loaded.map((l) => ({
      file: l.file,
      ok: l.validation.ok,
      errors: l.validation.ok ? [] : l.validation.errors,
      warnings: l.validation.warnings,
    }));
    io.stdout(JSON.stringify({ ok: !failed, files }, null, 2));
  } else {
    for (const l of loaded) {
      if (l.validation.ok) io.stdout(`ok  ${l.file}  (${l.validation.policy.id} @ ${l.revision.revision})${l.validation.warnings.length ? `\n${formatDiagnostics(l)}` : ''}`);
      else io.stdout(formatDiagnostics(l));
    }
    const errorCount = invalid.reduce((n, l) => n + (l.validation.ok ? 0 : l.validation.errors.length), 0);
    const summary = invalid.length === 0
      ? `${loaded.length} ${plural(loaded.length, 'policy', 'policies')} valid`
      : `${errorCount} ${plural(errorCount, 'problem', 'problems')} in ${invalid.length} of ${loaded.length} ${plural(loaded.length, 'file', 'files')}`;
    const warnings = warningCount === 0 ? '' : `, ${warningCount} ${plural(warningCount, 'warning', 'warnings')}${options.strict ? ', which --strict counts as a problem' : ''}`;
    io.stdout(`${summary}${warnings}`);
  }
  return failed ? EXIT.problems : EXIT.ok;
}

/** The symbols of the price file the policies run on: `--prices`, else the bundled prices if there are any. */
async function pricedSymbols(options: CheckOptions, io: CliIo): Promise<KnownSymbols | undefined> {
  if (options.prices !== undefined) return knownSymbolsOf(await loadPricePanel(resolve(io.cwd, options.prices), io.cwd));
  const bundled = join(resolve(io.cwd, options.examples ?? 'examples'), EXAMPLE_PRICES);
  const exists = await stat(bundled).then((s) => s.isFile(), () => false);
  return exists ? knownSymbolsOf(await loadPricePanel(bundled, io.cwd)) : undefined;
}

/** `path` itself, or every policy file in it when it is a folder (a path that does not exist is reported by the loader). */
async function policyFilesAt(path: string): Promise<string[]> {
  const isFolder = await stat(path).then((s) => s.isDirectory(), () => false);
  return isFolder ? findPolicyFiles(path) : [path];
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
