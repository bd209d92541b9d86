import { diffArrays } from 'diff';
import type { CaseOutcome } from '../policy-test/check-case.js';
import type { ExpectedProposal } from '../policy-test/policy-test-suite.js';
import type { CaseResult, SuiteResult } from '../policy-test/run-policy-tests.js';
import { formatDiagnostic } from '../policy/diagnostic.js';

/** Passed and failed counts over every case; a test file that could not run counts as one failure. */
export interface TestCounts {
  readonly passed: number;
  readonly failed: number;
}

/** Counts the results of `ballast test`. */
export function countResults(suites: readonly SuiteResult[]): TestCounts {
  const cases = suites.flatMap((s) => s.cases);
  const passed = cases.filter((c) => c.status === 'passed').length;
  const brokenFiles = suites.filter((s) => s.problems.some((p) => p.severity === 'error')).length;
  return { passed, failed: cases.length - passed + brokenFiles };
}

/**
 * The text report of `ballast test`: one `ok` / `FAIL` / `ERROR` line per case with its `file:line`, under each
 * failure the expected proposals against the ones the run made as a diff (`-` expected, `+` got), the reasons of the
 * proposals made and what the limits dropped; problems of invalid test files as `file:line:col  path  message`;
 * and the closing line `N passed, N failed`.
 */
export function formatTestResults(suites: readonly SuiteResult[]): string {
  const lines: string[] = [];
  for (const suite of suites) {
    for (const problem of suite.problems) lines.push(formatDiagnostic(problem, suite.text));
    for (const result of suite.cases) lines.push(...formatCase(result));
  }
  const { passed, failed } = countResults(suites);
  lines.push('', `${passed} passed, ${failed} failed`);
  return lines.join('\n');
}

function formatCase(result: CaseResult): string[] {
  const head = `${result.file}:${result.line}  ${result.name}`;
  if (result.status === 'passed') return [`ok     ${head}`];
  if (result.status === 'error') return [`ERROR  ${head}`, ...indent(result.error.split('\n'))];
  return [`FAIL   ${head}  (${result.policy})`, ...indent(failureDetail(result.outcome))];
}

/** Expected against got as a line diff, then why the run made what it made and what the limits dropped. */
export function failureDetail(outcome: CaseOutcome): string[] {
  const rows = [...outcome.expected, ...outcome.got];
  const widths = (['symbol', 'action', 'rule'] as const).map((key) => Math.max(0, ...rows.map((r) => r[key].length)));
  const line = (p: ExpectedProposal): string => [p.symbol.padEnd(widths[0]!), p.action.padEnd(widths[1]!), p.rule.padEnd(widths[2]!), String(p.quantity)].join('  ');
  const out = ['- expected', '+ got'];
  const changes = diffArrays(outcome.expected.map(line), outcome.got.map(line));
  for (const change of changes) {
    const mark = change.added ? '+ ' : change.removed ? '- ' : '  ';
    for (const value of change.value) out.push(`${mark}${value}`);
  }
  if (outcome.expected.length === 0) out.push('  (expected no proposals)');
  if (outcome.got.length === 0) out.push('  (the run proposed nothing)');
  for (const p of outcome.got) out.push(`why ${p.symbol} ${p.rule}: ${p.reason}`);
  for (const d of outcome.dropped) out.push(`${d.effect} by ${d.constraint}: ${d.symbol} ${d.rule}: ${d.detail}`);
  return out;
}

function indent(lines: readonly string[]): string[] {
  return lines.map((l) => `       ${l}`);
}
