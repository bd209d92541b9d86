import { LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { formatPath, type Diagnostic } from './diagnostic.js';
import { locate } from './locate.js';
import type { SchemaProblem } from './ajv-problems.js';
import { curlyQuotedValues, explainSyntaxError } from './yaml-slips.js';

/** The text of a YAML file (a policy, a policy test) and the name to report it under (a path relative to where the user is). */
export interface PolicySource {
  readonly file: string;
  readonly text: string;
}

/** A problem found after parsing, before it is placed in the source; `related` names other fields it involves. */
export interface UnplacedProblem extends Omit<SchemaProblem, 'code'> {
  readonly code: string;
  readonly related?: readonly (readonly (string | number)[])[];
  /** Default `error`. */
  readonly severity?: 'error' | 'warning';
}

/** A YAML file parsed with positions: the document, its line counter, its plain data, and the parser's warnings. */
export interface ParsedYaml {
  readonly doc: Document;
  readonly lineCounter: LineCounter;
  readonly data: unknown;
  readonly warnings: readonly Diagnostic[];
  /** Places a problem found in `data` at its `file:line:col`. */
  readonly place: (problem: UnplacedProblem) => Diagnostic;
}

/** Hints for YAML syntax problems that the `yaml` library reports in its own words. */
const YAML_HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  DUPLICATE_KEY: 'this key appears twice in the same mapping; keep one of them',
  BAD_INDENT: 'line the key up with the keys above it, using spaces',
  MISSING_CHAR: 'a quote or bracket is not closed',
  BLOCK_AS_IMPLICIT_KEY: 'a key is probably missing its `:` or is indented wrongly',
};

/**
 * Parses a YAML file with positions, keeping the `yaml` library's codes (`TAB_AS_INDENT`, `DUPLICATE_KEY`, …) for
 * syntax problems, each with an actionable hint, except that the usual typing slips (a missing colon or space after
 * it, a colon inside unquoted text, curly quotes) get their own codes and plain words (see `yaml-slips.ts`); a value
 * in curly quotes is an error even where YAML itself accepts it. An empty file is an `EMPTY_FILE` error saying `emptyHint`; aliases
 * expanding past {@link MAX_ALIAS_COUNT} values (an alias bomb) are a `TOO_MANY_ALIASES` error at the first alias.
 * Pure: throws nothing for bad input.
 */
export function parseYamlSource(
  source: PolicySource,
  emptyHint: string,
): { readonly ok: true; readonly parsed: ParsedYaml } | { readonly ok: false; readonly errors: readonly Diagnostic[]; readonly warnings: readonly Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter, uniqueKeys: true });
  const warnings: Diagnostic[] = doc.warnings.map((w) => yamlDiagnostic(source.file, w, 'warning'));
  if (doc.errors.length > 0) {
    return { ok: false, errors: syntaxErrors(source, doc.errors), warnings };
  }
  const curly = curlyQuotedValues(doc, lineCounter);
  if (curly.length > 0) {
    return { ok: false, errors: curly.map(({ code, line, col, message }) => ({ code, severity: 'error', file: source.file, path: '', line, col, message })), warnings };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    return { ok: false, errors: [aliasBomb(source.file, doc, lineCounter)], warnings };
  }
  if (data === null || data === undefined) {
    const error: Diagnostic = { code: 'EMPTY_FILE', severity: 'error', file: source.file, path: '', line: 1, col: 1, message: emptyHint };
    return { ok: false, errors: [error], warnings };
  }
  const place = (problem: UnplacedProblem): Diagnostic => placeProblem(source.file, doc, lineCounter, problem);
  return { ok: true, parsed: { doc, lineCounter, data, warnings, place } };
}

function placeProblem(file: string, doc: Document, lineCounter: LineCounter, problem: UnplacedProblem): Diagnostic {
  const at = locate(doc, lineCounter, problem.path, problem.target);
  const related = problem.related?.map((path) => {
    const where = locate(doc, lineCounter, path);
    return { path: formatPath(path), line: where.line, col: where.col };
  });
  return {
    code: problem.code,
    severity: problem.severity ?? 'error',
    file,
    path: formatPath(problem.path),
    line: at.line,
    col: at.col + (problem.offset ?? 0),
    message: problem.message,
    ...(related ? { related } : {}),
  };
}

/** How many times aliases (`*name`) may be expanded in one file: more is refused as a resource-exhaustion attack. */
export const MAX_ALIAS_COUNT = 100;

/** The `TOO_MANY_ALIASES` diagnostic, at the first alias of the file. */
function aliasBomb(file: string, doc: Document, lineCounter: LineCounter): Diagnostic {
  let first: Node | undefined;
  visit(doc, {
    Alias(_, node) {
      first = node;
      return visit.BREAK;
    },
  });
  const at = first?.range ? lineCounter.linePos(first.range[0]) : { line: 1, col: 1 };
  return {
    code: 'TOO_MANY_ALIASES', severity: 'error', file, path: '', line: at.line, col: at.col,
    message: `aliases (*name) expand to more than ${MAX_ALIAS_COUNT} values here and below, which could exhaust memory; write the values out instead of nesting aliases`,
  };
}

interface YamlProblem {
  readonly code: string;
  readonly message: string;
  readonly linePos?: [{ line: number; col: number }] | [{ line: number; col: number }, { line: number; col: number }];
}

/** The parser's errors in plain words: a slip explained once per line, other errors with their hint. */
function syntaxErrors(source: PolicySource, problems: readonly YamlProblem[]): Diagnostic[] {
  const lines = source.text.split(/\r?\n/);
  const out: Diagnostic[] = [];
  const slipLines = new Set<number>();
  for (const problem of problems) {
    const line = problem.linePos?.[0].line ?? 1;
    const slip = explainSyntaxError(lines[line - 1] ?? '');
    if (!slip) out.push(yamlDiagnostic(source.file, problem, 'error'));
    else if (!slipLines.has(line)) {
      slipLines.add(line);
      out.push({ code: slip.code, severity: 'error', file: source.file, path: '', line, col: slip.col, message: slip.message });
    }
  }
  return out;
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
