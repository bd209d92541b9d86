import { LineCounter, parseDocument, type Document } from 'yaml';
import { conditionProblems } from './condition-problems.js';
import { crossFieldProblems, type CrossFieldProblem } from './cross-field-checks.js';
import { formatPath, type Diagnostic } from './diagnostic.js';
import { locate } from './locate.js';
import type { Policy } from './policy.js';
import { schemaProblems } from './schema-problems.js';

/** The text of a policy file and the name to report it under (a path relative to where the user is). */
export interface PolicySource {
  readonly file: string;
  readonly text: string;
}

/** The outcome of {@link validatePolicy}: a policy with defaults filled in, or every problem found. */
export type PolicyValidation =
  | { readonly ok: true; readonly policy: Policy; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly errors: readonly Diagnostic[]; readonly warnings: readonly Diagnostic[] };

/** Hints for YAML syntax problems that the `yaml` library reports in its own words. */
const YAML_HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  DUPLICATE_KEY: 'this key appears twice in the same mapping; keep one of them',
  BAD_INDENT: 'line the key up with the keys above it, using spaces',
  MISSING_CHAR: 'a quote or bracket is not closed',
  BLOCK_AS_IMPLICIT_KEY: 'a key is probably missing its `:` or is indented wrongly',
};

/**
 * Parses and validates one policy, collecting every problem rather than stopping at the first.
 *
 * Phases: YAML syntax (with `yaml`'s codes: `TAB_AS_INDENT`, `DUPLICATE_KEY`, …), then the JSON Schema
 * (`schemas/policy.schema.json`, which also fills in defaults), then named cross-field checks and custom-rule
 * condition checks. A later phase runs only when the earlier ones found no error, because its positions would be
 * guesses. Every diagnostic carries the `file`, 1-based `line`/`col`, the YAML `path` and an actionable `message`.
 * Pure: reads no files and throws nothing for bad input.
 */
export function validatePolicy(source: PolicySource): PolicyValidation {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter, uniqueKeys: true });
  const warnings: Diagnostic[] = doc.warnings.map((w) => yamlDiagnostic(source.file, w, 'warning'));
  if (doc.errors.length > 0) {
    return { ok: false, errors: doc.errors.map((e) => yamlDiagnostic(source.file, e, 'error')), warnings };
  }
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) {
    const error: Diagnostic = {
      code: 'EMPTY_FILE', severity: 'error', file: source.file, path: '', line: 1, col: 1,
      message: 'the policy file is empty; start from a copy of policies/dee-bot.yaml',
    };
    return { ok: false, errors: [error], warnings };
  }
  const place = (problem: CrossFieldProblem): Diagnostic => placeProblem(source.file, doc, lineCounter, problem);
  const structural = schemaProblems(data);
  if (structural.length > 0) return { ok: false, errors: structural.map(place), warnings };
  const policy = withName(data as Policy);
  const semantic = [...crossFieldProblems(policy), ...conditionProblems(policy)];
  if (semantic.length > 0) return { ok: false, errors: semantic.map(place), warnings };
  return { ok: true, policy, warnings };
}

function withName(policy: Policy): Policy {
  return policy.name === undefined ? { ...policy, name: policy.id } : policy;
}

function placeProblem(file: string, doc: Document, lineCounter: LineCounter, problem: CrossFieldProblem): Diagnostic {
  const at = locate(doc, lineCounter, problem.path, problem.target);
  const related = problem.related?.map((path) => {
    const where = locate(doc, lineCounter, path);
    return { path: formatPath(path), line: where.line, col: where.col };
  });
  return {
    code: problem.code,
    severity: 'error',
    file,
    path: formatPath(problem.path),
    line: at.line,
    col: at.col,
    message: problem.message,
    ...(related ? { related } : {}),
  };
}

interface YamlProblem {
  readonly code: string;
  readonly message: string;
  readonly linePos?: [{ line: number; col: number }] | [{ line: number; col: number }, { line: number; col: number }];
}

function yamlDiagnostic(file: string, problem: YamlProblem, severity: 'error' | 'warning'): Diagnostic {
  const start = problem.linePos?.[0] ?? { line: 1, col: 1 };
  const firstLine = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const hint = YAML_HINTS[problem.code];
  return {
    code: problem.code,
    severity,
    file,
    path: '',
    line: start.line,
    col: start.col,
    message: hint ? `${firstLine}: ${hint}` : firstLine,
  };
}
