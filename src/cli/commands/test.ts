import { readdir, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { FatalError } from '../../errors.js';
import { runPolicyTests } from '../../policy-test/run-policy-tests.js';
import type { CliIo } from '../cli-io.js';
import { EXIT } from '../exit-codes.js';
import { countResults, formatTestResults } from '../../text/format-test-results.js';
import { junitReport } from '../../text/junit-report.js';

/** Options of `ballast test`. */
export interface TestOptions {
  /** Test files or folders of `*.test.yaml`; default `policies/tests`. */
  readonly paths: readonly string[];
  /** Also write a JUnit XML report here. */
  readonly junit?: string;
  readonly json: boolean;
}

/** Version of the `--json` output; bumped when a field changes meaning. */
export const TEST_FORMAT_VERSION = '1.0';

const TEST_FILE = /\.test\.ya?ml$/;

/**
 * `ballast test [files…]`: runs policy unit tests (`policies/tests/*.test.yaml` by default), printing one line per
 * case, a diff of expected against got for each failure, and the closing line `N passed, N failed`. `--junit FILE`
 * also writes JUnit XML; `--json` prints the results with a `format_version`. Exit 0 when every case passed, 1 when
 * one failed, a file did not validate, or no test file was found.
 */
export async function testCommand(options: TestOptions, io: CliIo): Promise<number> {
  const files = await testFiles(options.paths.length > 0 ? options.paths : ['policies/tests'], io.cwd);
  if (files.length === 0) {
    throw new FatalError('NO_TESTS', `no policy tests (*.test.yaml) in ${options.paths.join(', ') || 'policies/tests'}`, 'write one next to your policies (see policies/tests/dee-bot.test.yaml)');
  }
  const suites = await runPolicyTests(files, io.cwd);
  const counts = countResults(suites);
  if (options.junit) await writeFile(resolve(io.cwd, options.junit), junitReport(suites));
  if (options.json) io.stdout(JSON.stringify({ format_version: TEST_FORMAT_VERSION, ...counts, files: suites.map(({ text: _text, ...suite }) => suite) }, null, 2));
  else io.stdout(formatTestResults(suites));
  return counts.failed === 0 ? EXIT.ok : EXIT.problems;
}

async function testFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const full = resolve(cwd, path);
    const info = await stat(full).catch(() => undefined);
    if (info === undefined) throw new FatalError('NO_TEST_FILE', `no test file or folder at ${relative(cwd, full) || full}`, 'check the path; `ballast test` alone runs every test in policies/tests');
    if (!info.isDirectory()) {
      found.push(full);
      continue;
    }
    const names = (await readdir(full)).filter((n) => TEST_FILE.test(n)).sort();
    found.push(...names.map((n) => join(full, n)));
  }
  return found;
}
