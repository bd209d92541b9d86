import { formatDiagnostic, type Diagnostic } from '../policy/diagnostic.js';

/**
 * The report of an invalid policy edit, for the console and Telegram: which revision keeps running (or that the
 * policy is not scheduled), then one `file:line:col  path  message` line per problem.
 */
export function describeInvalidPolicy(file: string, diagnostics: readonly Diagnostic[], kept: string | undefined): string {
  const head = kept === undefined ? `${file} is invalid and not scheduled; fix it and save:` : `${file} is invalid; revision ${kept} keeps running until it is fixed:`;
  return [head, ...diagnostics.map((d) => formatDiagnostic(d))].join('\n');
}
