import type { ErrorObject } from 'ajv';
import { didYouMean } from '../util/did-you-mean.js';
import type { PolicyProblemCode } from './diagnostic.js';

/** A schema problem before it is placed in the source: the path, whether it points at a key, and the words. */
export interface SchemaProblem {
  readonly code: PolicyProblemCode;
  readonly path: readonly (string | number)[];
  readonly target: 'key' | 'value';
  readonly message: string;
}

/**
 * Rewords one ajv error for a given schema: a problem to report, `null` to drop the error (it is explained by
 * another), or `undefined` to fall back to the generic wording.
 */
export type RewordSchemaError = (error: ErrorObject, data: unknown) => SchemaProblem | null | undefined;

const COMPARISON_WORDS: Record<string, string> = { '<=': 'at most', '>=': 'at least', '<': 'less than', '>': 'greater than' };

/**
 * Turns ajv's errors (from a validator compiled with `allErrors` and `verbose`) into problems worded for someone
 * editing YAML: unknown keys with a did-you-mean, wrong types with what to write instead, numbers out of range with
 * the allowed range, enums with the allowed values. One problem per path and code; `reword` handles a schema's
 * special cases first.
 */
export function ajvProblems(errors: readonly ErrorObject[], data: unknown, reword: RewordSchemaError = () => undefined): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const reworded = reword(error, data);
    if (reworded === null) continue;
    const problem = reworded ?? describe(error, data);
    if (!problem) continue;
    const key = `${problem.path.join('/')}|${problem.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function describe(error: ErrorObject, data: unknown): SchemaProblem | undefined {
  const path = pointerToPath(error.instancePath);
  const name = String(path[path.length - 1] ?? 'the policy');
  const value = valueAt(data, path);
  const parent = error.parentSchema as { description?: string; properties?: Record<string, { description?: string }> };
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys(parent.properties ?? {}).filter((k) => k !== '$schema');
      const guess = didYouMean(key, allowed);
      const hint = guess ? `did you mean \`${guess}\`?` : `allowed here: ${allowed.map((k) => `\`${k}\``).join(', ')}`;
      return { code: 'UNKNOWN_KEY', path: [...path, key], target: 'key', message: `unknown key \`${key}\`; ${hint}` };
    }
    case 'required': {
      const key = (error.params as { missingProperty: string }).missingProperty;
      const about = parent.properties?.[key]?.description;
      return { code: 'MISSING_KEY', path: [...path, key], target: 'key', message: `missing \`${key}\`${about ? `: ${about}` : ''}` };
    }
    case 'type': {
      const expected = (error.params as { type: string | string[] }).type;
      const wanted = Array.isArray(expected) ? expected.join(' or ') : expected;
      return { code: 'WRONG_TYPE', path, target: 'value', message: `\`${name}\` must be ${article(wanted)}, not ${show(value)}${typeHint(wanted)}` };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const { comparison, limit } = error.params as { comparison: string; limit: number };
      return { code: 'OUT_OF_RANGE', path, target: 'value', message: `\`${name}\` must be ${COMPARISON_WORDS[comparison] ?? comparison} ${limit}, not ${show(value)}` };
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const guess = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
      const code: PolicyProblemCode = name === 'fact' ? 'UNKNOWN_FACT' : name === 'operator' ? 'UNKNOWN_OPERATOR' : 'BAD_VALUE';
      const what = name === 'fact' ? 'unknown fact' : name === 'operator' ? 'unknown operator' : `\`${name}\` cannot be`;
      const hint = guess ? `did you mean \`${guess}\`?` : `use one of ${allowed.map((a) => `\`${a}\``).join(', ')}`;
      return { code, path, target: 'value', message: `${what} ${show(value)}; ${hint}` };
    }
    case 'const': {
      const allowed = (error.params as { allowedValue: unknown }).allowedValue;
      return { code: 'BAD_VALUE', path, target: 'value', message: `\`${name}\` must be ${JSON.stringify(allowed)}, not ${show(value)}` };
    }
    case 'pattern':
    case 'minLength':
    case 'minItems':
      return { code: 'BAD_VALUE', path, target: 'value', message: `\`${name}\` ${show(value)} is not valid${parent.description ? `: ${parent.description}` : ''}` };
    default:
      return { code: 'BAD_VALUE', path, target: 'value', message: `\`${name}\` ${error.message ?? 'is not valid'}` };
  }
}

/** Splits an ajv JSON Pointer (`/rules/0/event`) into path segments, array indexes as numbers. */
function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let node = data;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function article(type: string): string {
  if (type === 'integer') return 'a whole number';
  if (type === 'object') return 'a mapping (indented `key: value` lines)';
  if (type === 'array') return 'a list (lines starting with `- `)';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function typeHint(type: string): string {
  if (type === 'number' || type === 'integer') return ' (write digits only, e.g. `25` for 25%, without quotes or a % sign)';
  if (type === 'boolean') return ' (write `true` or `false`)';
  return '';
}
