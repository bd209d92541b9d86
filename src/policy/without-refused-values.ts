import type { SchemaProblem } from './ajv-problems.js';
import { valueAt } from './value-at.js';

type Path = readonly (string | number)[];

/** Top-level keys that checks of other fields read (schedules and strategy periods need the calendar and zone): a
 * refused one cannot be left out without inventing problems elsewhere. */
const READ_BY_OTHER_CHECKS = new Set(['calendar', 'time_zone']);

/** Policy data with the values the schema refused left out, and the paths that were left out. */
export interface PrunedData {
  readonly data: unknown;
  readonly pruned: readonly Path[];
}

/**
 * The policy data as if the refused values had not been written, so the checks after the schema can still run and
 * a fact typo does not hide a cut-loss conflict: each value or unknown key a schema problem points at is left out of
 * a copy, and `revalidate` (the schema with its defaults) must then accept the copy. Undefined when that is not
 * possible: a missing required key, a refused list item (leaving it out would renumber the others), a refused
 * `calendar` or `time_zone` (other checks read them), or a copy the schema still refuses. Problems found later on the copy are trustworthy only away from the pruned paths; see
 * {@link touchesPruned}.
 */
export function withoutRefusedValues(data: unknown, problems: readonly SchemaProblem[], revalidate: (copy: unknown) => boolean): PrunedData | undefined {
  const copy = structuredClone(data);
  const pruned: Path[] = [];
  for (const problem of problems) {
    const key = problem.path.at(-1);
    if (problem.code === 'MISSING_KEY' || typeof key !== 'string' || READ_BY_OTHER_CHECKS.has(String(problem.path[0]))) return undefined;
    const parent = valueAt(copy, problem.path.slice(0, -1));
    if (typeof parent !== 'object' || parent === null || Array.isArray(parent)) return undefined;
    delete (parent as Record<string, unknown>)[key];
    pruned.push(problem.path);
  }
  return revalidate(copy) ? { data: copy, pruned } : undefined;
}

/**
 * True when a problem's path or one of its related paths lies inside a pruned path or contains one (a check of
 * `rules[0].conditions.all[0]` after its `fact` was left out would only repeat the typo).
 */
export function touchesPruned(problem: { readonly path: Path; readonly related?: readonly Path[] }, pruned: readonly Path[]): boolean {
  return [problem.path, ...(problem.related ?? [])].some((path) => pruned.some((p) => startsWith(path, p) || startsWith(p, path)));
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => String(segment) === String(path[i]));
}
