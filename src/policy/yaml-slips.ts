import { isScalar, Scalar, visit, type Document, type LineCounter } from 'yaml';
import type { SourcePosition } from './diagnostic.js';

/**
 * Typing slips in YAML that the `yaml` library reports in its grammar's terms ("Implicit keys need to be on a single
 * line") or not at all, each explained in plain words with what to write instead.
 * - `MISSING_SPACE_AFTER_COLON`: `gain_pct:20`; YAML needs `key: value`.
 * - `MISSING_COLON`: `gain_pct 20`.
 * - `COLON_IN_TEXT`: `description: down 7%: two weeks`; a `: ` inside unquoted text starts another key.
 * - `CURLY_QUOTES`: `mode: “cli”`; typographic quotes (as word processors and phones type them) quote nothing in
 *   YAML, so they become part of the value.
 */
export type YamlSlipCode = 'MISSING_SPACE_AFTER_COLON' | 'MISSING_COLON' | 'COLON_IN_TEXT' | 'CURLY_QUOTES';

/** A slip found on one line: its code, the 1-based column to point at, and the words. */
export interface YamlSlip {
  readonly code: YamlSlipCode;
  readonly col: number;
  readonly message: string;
}

const CURLY = /[“”„‘’‚]/;
/** `  - key:value` at the start of a line: indentation and list dashes, the key, then a colon touching the value. */
const KEY_WITHOUT_SPACE = /^(\s*(?:-\s+)*)([A-Za-z_][\w-]*):(?![\s/]|$)(.*)$/;
/** `  key value` with no colon anywhere (a comment may follow). */
const KEY_WITHOUT_COLON = /^(\s*(?:-\s+)*)([A-Za-z_][\w-]*)\s+([^\s:#][^:#]*?)\s*(#.*)?$/;
/** `  key: text: more`: an unquoted text holding `: `. */
const COLON_INSIDE_TEXT = /^(\s*(?:-\s+)*)([A-Za-z_][\w-]*):\s+([^\s'"{[|>#&*!].*?:\s.*?)\s*$/;

/**
 * Explains the source line of a YAML syntax error as one of the slips of {@link YamlSlipCode}, or returns undefined
 * when the line shows none of them (the library's own words then stand).
 */
export function explainSyntaxError(lineText: string): YamlSlip | undefined {
  const curly = CURLY.exec(lineText);
  if (curly) return curlyQuotes(curly.index + 1);
  const noSpace = KEY_WITHOUT_SPACE.exec(lineText);
  if (noSpace) return missingSpace(noSpace[2]!, noSpace[3]!, noSpace[1]!.length + noSpace[2]!.length + 1);
  const noColon = KEY_WITHOUT_COLON.exec(lineText);
  if (noColon) return missingColon(noColon[2]!, noColon[3]!, noColon[1]!.length + noColon[2]!.length + 1);
  const inText = COLON_INSIDE_TEXT.exec(lineText);
  if (inText) {
    const [, indent = '', key = '', text = ''] = inText;
    const col = lineText.indexOf(text, indent.length + key.length) + 1;
    return {
      code: 'COLON_IN_TEXT',
      col,
      message: `the text after \`${key}:\` holds ": ", which YAML reads as the start of another key; put the text in quotes: ${key}: "${text.replace(/"/g, '\\"')}"`,
    };
  }
  return undefined;
}

/**
 * Explains a text value written where a mapping was expected when it is a `key: value` line missing its space or
 * colon (`take_profit:` followed by `gain_pct:20` alone reads as the text "gain_pct:20"). `keys` are the keys the
 * mapping may hold; the slip's `col` is an offset into the value, 0-based.
 */
export function explainTextForMapping(value: string, keys: readonly string[]): YamlSlip | undefined {
  const noSpace = /^([A-Za-z_][\w-]*):(\S.*)$/.exec(value);
  if (noSpace && keys.includes(noSpace[1]!)) return missingSpace(noSpace[1]!, noSpace[2]!, noSpace[1]!.length);
  const noColon = /^([A-Za-z_][\w-]*)\s+([^:]+)$/.exec(value);
  if (noColon && keys.includes(noColon[1]!)) return missingColon(noColon[1]!, noColon[2]!, noColon[1]!.length);
  return undefined;
}

/**
 * Every plain (unquoted) value that starts with a typographic quote, e.g. `mode: “cli”`, as a `CURLY_QUOTES` slip at
 * the value's position.
 */
export function curlyQuotedValues(doc: Document, lineCounter: LineCounter): (YamlSlip & SourcePosition)[] {
  const found: (YamlSlip & SourcePosition)[] = [];
  visit(doc, {
    Scalar(_, node) {
      if (!isScalar(node) || node.type !== Scalar.PLAIN || typeof node.value !== 'string' || !CURLY.test(node.value[0] ?? '')) return;
      const at = lineCounter.linePos(node.range?.[0] ?? 0);
      found.push({ ...curlyQuotes(at.col), line: at.line });
    },
  });
  return found;
}

function curlyQuotes(col: number): YamlSlip {
  return {
    code: 'CURLY_QUOTES',
    col,
    message: 'curly quotes (“ ” ‘ ’) are not quotes in YAML and would become part of the value; type straight quotes ("…" or \'…\'), or none',
  };
}

function missingSpace(key: string, value: string, col: number): YamlSlip {
  return { code: 'MISSING_SPACE_AFTER_COLON', col, message: `put a space after the colon: \`${key}: ${value.trim()}\`` };
}

function missingColon(key: string, value: string, col: number): YamlSlip {
  return { code: 'MISSING_COLON', col, message: `a colon is missing after \`${key}\`: write \`${key}: ${value.trim()}\`` };
}
