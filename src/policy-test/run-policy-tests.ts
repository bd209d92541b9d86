import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { FatalError, formatInputProblem, InputError } from '../errors.js';
import { parseHoldings, type HoldingsFile } from '../market/parse-holdings.js';
import type { PricePanel } from '../market/price-panel.js';
import type { Diagnostic } from '../policy/diagnostic.js';
import type { Policy } from '../policy/policy.js';
import { loadPolicyFile } from '../workspace/load-policy-file.js';
import { loadPricePanel } from '../workspace/load-price-panel.js';
import { readInput } from '../workspace/read-input.js';
import { InvalidPolicyError } from '../errors.js';
import { validPolicy } from '../run/valid-policy.js';
import { checkCase, type CaseOutcome } from './check-case.js';
import { inlineHoldings, inlinePrices } from './inline-inputs.js';
import type { PolicyTestCase } from './policy-test-suite.js';
import { validatePolicyTest } from './validate-policy-test.js';

/** The result of one case: passed, failed (proposals differ), or error (its policy or inputs are unusable). */
export type CaseResult = {
  readonly file: string;
  readonly line: number;
  readonly name: string;
  /** The policy file as shown to the user. */
  readonly policy: string;
} & ({ readonly status: 'passed' | 'failed'; readonly outcome: CaseOutcome } | { readonly status: 'error'; readonly error: string });

/** One test file: its text, the problems that kept it from running (then `cases` is empty), and its case results. */
export interface SuiteResult {
  readonly file: string;
  readonly text: string;
  readonly problems: readonly Diagnostic[];
  readonly cases: readonly CaseResult[];
}

/**
 * Runs policy test files (`*.test.yaml`), every case of every file, in order. Paths inside a file are relative to
 * it; policies and price files are read once. A file that does not validate is reported with its diagnostics and
 * runs no case; a case whose policy or inputs are unusable is an `error` and the others still run.
 * `cwd` is where paths are shown from.
 */
export async function runPolicyTests(paths: readonly string[], cwd: string): Promise<SuiteResult[]> {
  const policies = new Map<string, Promise<Policy>>();
  const panels = new Map<string, Promise<PricePanel>>();
  const cached = <T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> => {
    if (!cache.has(key)) cache.set(key, load());
    return cache.get(key)!;
  };
  const results: SuiteResult[] = [];
  for (const path of paths) {
    const file = relative(cwd, path) || path;
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new FatalError('NO_TEST_FILE', `cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`, 'check the path of the test file', { cause: error });
    });
    const validation = validatePolicyTest({ file, text });
    if (!validation.ok) {
      results.push({ file, text, problems: [...validation.errors, ...validation.warnings], cases: [] });
      continue;
    }
    const cases: CaseResult[] = [];
    for (const testCase of validation.suite.cases) {
      const at = (relativePath: string): string => resolve(dirname(path), relativePath);
      const policyPath = at(testCase.policy);
      const head = { file, line: testCase.line, name: testCase.name, policy: relative(cwd, policyPath) || policyPath };
      try {
        const policy = await cached(policies, policyPath, () => loadPolicy(policyPath, cwd));
        const input = testCase.prices;
        const prices = 'csv' in input ? await cached(panels, at(input.csv), () => loadPricePanel(at(input.csv), cwd)) : inlinePrices(file, input.rows, input.lines);
        const holdings = await caseHoldings(testCase, file, at, cwd);
        cases.push({ ...head, ...withStatus(await checkCase(policy, holdings, prices, testCase)) });
      } catch (error) {
        cases.push({ ...head, status: 'error', error: describeError(error) });
      }
    }
    results.push({ file, text, problems: validation.warnings, cases });
  }
  return results;
}

function withStatus(outcome: CaseOutcome): { status: 'passed' | 'failed'; outcome: CaseOutcome } {
  return { status: outcome.passed ? 'passed' : 'failed', outcome };
}

async function loadPolicy(path: string, cwd: string): Promise<Policy> {
  return validPolicy(await loadPolicyFile(path, cwd));
}

async function caseHoldings(testCase: PolicyTestCase, file: string, at: (path: string) => string, cwd: string): Promise<HoldingsFile> {
  if (!('csv' in testCase.holdings)) return inlineHoldings(file, testCase.holdings.rows, testCase.holdings.lines);
  const path = at(testCase.holdings.csv);
  const shown = relative(cwd, path) || path;
  return parseHoldings(shown, await readInput(path, shown));
}

function describeError(error: unknown): string {
  if (error instanceof InvalidPolicyError && !error.loaded.validation.ok) {
    const first = error.loaded.validation.errors[0]!;
    return `${first.file}:${first.line}:${first.col}  ${first.path || '(file)'}  ${first.message}\n${error.message}`;
  }
  if (error instanceof InputError) return error.problems.map(formatInputProblem).join('\n');
  if (error instanceof Error) return error.message;
  return String(error);
}
