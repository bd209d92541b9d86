import type { ErrorObject } from 'ajv';
import { didYouMean } from '../util/did-you-mean.js';
import type { PolicyProblemCode } from './diagnostic.js';
import { valueAt } from './value-at.js';
import { explainTextForMapping } from './yaml-slips.js';

/** A schema problem before it is placed in the source: the path, whether it points at a key, and the words. */
export interface SchemaProblem {
  readonly code: PolicyProblemCode;
  readonly path: readonly (string | number)[];
  readonly target: 'key' | 'value';
  readonly message: string;
  /** Characters into the key or value to point at, on its first line (the colon of `gain_pct:20`). Default 0. */
  readonly offset?: number;
}

/**
 * Rewords one ajv error for a given schema: a problem to report, `null` to drop the error (it is explained by
 * another), or `undefined` to fall back to the generic wording.
 */
export type RewordSchemaError = (error: ErrorObject, data: unknown) => SchemaProblem | null | undefined;

const COMPARISON_WORDS: Record<string, string> = { '<=': 'at most', '>=': 'at least', '<': 'less than', '>': 'greater than' };

/**
 * Turns ajv's errors (from a validator compiled with `allErrors` and `verbose`) into problems worded for someone
 * editing YAML: unknown keys with a did-you-mean, wrong types with what to write instead (in the field's unit), numbers
 * out of range with the allowed range, enums with the allowed values. Of an `anyOf`, only the alternative the value
 * was written in speaks (see {@link closestAlternatives}). One problem per path and code; `reword` handles a schema's
 * special cases first.
 */
export function ajvProblems(errors: readonly ErrorObject[], data: unknown, reword: RewordSchemaError = () => undefined): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of closestAlternatives(errors)) {
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
  const parent = error.parentSchema as { description?: string; default?: unknown; minimum?: number; properties?: Record<string, { description?: string }> };
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
      const slip = wanted === 'object' && typeof value === 'string' ? explainTextForMapping(value, Object.keys(parent.properties ?? {})) : undefined;
      if (slip) return { code: slip.code, path, target: 'value', message: slip.message, offset: slip.col };
      return { code: 'WRONG_TYPE', path, target: 'value', message: `\`${name}\` must be ${article(wanted)}, not ${show(value)}${typeHint(wanted, name, parent)}` };
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
export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
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

/** What to write in a field of this type, in the unit its name gives (`_pct`, `_pp`, `_bps`, `_hours`, `_days`). */
function typeHint(type: string, name: string, schema: { default?: unknown; minimum?: number }): string {
  if (type === 'boolean') return ' (write `true` or `false`)';
  if (type !== 'number' && type !== 'integer') return '';
  const example = typeof schema.default === 'number' && schema.default > 0 ? schema.default : Math.max(1, schema.minimum ?? 1);
  if (name.endsWith('_pct')) return ` (write digits only, e.g. \`${example}\` for ${example}%, without quotes or a % sign)`;
  if (name.endsWith('_pp')) return ` (write digits only, e.g. \`${example}\` for ${example} percentage points, without quotes or a unit)`;
  if (name.endsWith('_bps')) return ` (write digits only, e.g. \`${example}\` for ${example} basis points, without quotes or a unit)`;
  if (name.endsWith('_hours')) return ` (write the number of hours in digits, e.g. \`${example}\`, without quotes or a unit)`;
  if (name.endsWith('_days')) return ` (write the number of days in digits, e.g. \`${example}\`, without quotes or a unit)`;
  if (type === 'integer') return ` (write a whole number in digits, e.g. \`${example}\`, without quotes)`;
  return ` (write digits only, e.g. \`${example}\`, without quotes or a unit)`;
}

/**
 * Keeps, of each failed `anyOf`, only the errors of the alternative closest to what was written, and drops the
 * `anyOf` error itself: an alternative whose errors all lie deeper than the value (a list whose second item is
 * wrong) beats one that refused the value's constant or enum (`all`), which beats one that refused its type. So
 * `equal: [KO, pg]` reports the bad item, not also "must be a text"; `equal: al` reports "did you mean `all`".
 */
function closestAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  for (const anyOf of errors.filter((e) => e.keyword === 'anyOf')) {
    dropped.add(anyOf);
    const branches = new Map<string, ErrorObject[]>();
    for (const error of errors) {
      const match = error.schemaPath.startsWith(`${anyOf.schemaPath}/`) ? /^\/(\d+)/.exec(error.schemaPath.slice(anyOf.schemaPath.length)) : null;
      if (match) branches.set(match[1]!, [...(branches.get(match[1]!) ?? []), error]);
    }
    const closeness = (branch: readonly ErrorObject[]): number => {
      const atValue = branch.filter((e) => e.instancePath === anyOf.instancePath);
      if (atValue.some((e) => e.keyword === 'type')) return 0;
      return atValue.some((e) => e.keyword === 'const' || e.keyword === 'enum') ? 1 : 2;
    };
    // Errors below the value from outside the anyOf's schema path come from a `$ref` in the alternative that matched.
    const deeperViaRef = errors.some((e) => e.instancePath.startsWith(`${anyOf.instancePath}/`) && !e.schemaPath.startsWith(`${anyOf.schemaPath}/`));
    let best: ErrorObject[] | undefined;
    for (const branch of branches.values()) if (best === undefined || closeness(branch) > closeness(best)) best = branch;
    for (const branch of branches.values()) {
      if (branch !== best || (deeperViaRef && closeness(branch) < 2)) branch.forEach((e) => dropped.add(e));
    }
  }
  return errors.filter((e) => !dropped.has(e));
}
