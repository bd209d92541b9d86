import type { YamlSlipCode } from './yaml-slips.js';

/**
 * What can be wrong with a policy file. YAML syntax problems keep the `yaml` library's own codes
 * (`TAB_AS_INDENT`, `DUPLICATE_KEY`, `BAD_INDENT`, …) unless they are a common slip ({@link YamlSlipCode});
 * everything after parsing uses these. `LOOKS_LIKE_FRACTION` is a warning: the policy still loads.
 */
export type PolicyProblemCode =
  | YamlSlipCode
  | 'EMPTY_FILE'
  | 'TOO_MANY_ALIASES'
  | 'DUPLICATE_POLICY_ID'
  | 'UNKNOWN_KEY'
  | 'MISSING_KEY'
  | 'WRONG_TYPE'
  | 'OUT_OF_RANGE'
  | 'BAD_VALUE'
  | 'UNKNOWN_FACT'
  | 'UNKNOWN_OPERATOR'
  | 'BAD_CONDITION'
  | 'CONFLICT'
  | 'DUPLICATE_RULE_ID'
  | 'DUPLICATE_STRATEGY_ID'
  | 'ALLOCATION_OVER_100'
  | 'UNKNOWN_SYMBOL'
  | 'LOWERCASE_SYMBOL'
  | 'LOOKS_LIKE_FRACTION'
  | 'BAD_TIME_ZONE';

/** A 1-based line and column in the policy file. */
export interface SourcePosition {
  readonly line: number;
  readonly col: number;
}

/**
 * One problem found in a policy, located in its source.
 *
 * `path` is the YAML path in dotted form (`exits.take_profit.gain_pct`, `rules[0].conditions.all[1].operator`);
 * `message` says what is wrong and what to write instead; `related` names other fields a cross-field check involved.
 */
export interface Diagnostic extends SourcePosition {
  readonly code: PolicyProblemCode | string;
  readonly severity: 'error' | 'warning';
  readonly file: string;
  readonly path: string;
  readonly message: string;
  readonly related?: readonly { readonly path: string; readonly line: number; readonly col: number }[];
}

/**
 * Formats a diagnostic as `file:line:col  path  message`, followed — when `source` (the whole file text) is given —
 * by the offending source line and a `^` under the column, the way compilers do.
 */
export function formatDiagnostic(diagnostic: Diagnostic, source?: string): string {
  const { file, line, col, path, message, severity } = diagnostic;
  const head = `${file}:${line}:${col}  ${path || '(file)'}  ${severity === 'warning' ? 'warning: ' : ''}${message}`;
  const text = source?.split(/\r?\n/)[line - 1];
  if (text === undefined) return head;
  const gutter = String(line).padStart(4);
  const shown = text.replace(/\t/g, '→');
  return `${head}\n${gutter} | ${shown}\n${' '.repeat(gutter.length)} | ${' '.repeat(Math.max(0, col - 1))}^`;
}

/** Joins path segments the way diagnostics print them: `rules[0].conditions.all[1]`. */
export function formatPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}
