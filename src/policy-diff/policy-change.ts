/**
 * One change of meaning inside a policy, addressed the way a reader finds it in the YAML: object keys joined by dots,
 * list items that have an `id` (rules, schedules, strategies) by that id, so a moved item is no change.
 *
 * `segments` is the path: a string is an object key, `{ id }` a list item by id, `{ index }` a list item without
 * one. `before`/`after` are the effective values (defaults filled in); `added` has only `after`, `removed` only
 * `before`. Items of lists of plain values (`rebalance.equal`) and condition tests are added or removed one by one,
 * at the list's path.
 */
export interface PolicyChange {
  readonly kind: 'changed' | 'added' | 'removed';
  readonly segments: readonly PathSegment[];
  readonly before?: unknown;
  readonly after?: unknown;
}

/** One step of a {@link PolicyChange} path. */
export type PathSegment = string | { readonly id: string } | { readonly index: number };

/**
 * A value written out or left out without changing the effective policy: `written` when the head now writes a
 * default explicitly, `omitted` when it now leaves it to the default. Not a change of meaning; worth saying.
 */
export interface DefaultNote {
  readonly kind: 'written' | 'omitted';
  readonly segments: readonly PathSegment[];
  readonly value: unknown;
}

/** Formats a path as diffs print it: `exits.take_profit.gain_pct`, `rules[slow-bleed].conditions.all`, `schedules[daily_guards]`. */
export function changePath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'string') out += out === '' ? segment : `.${segment}`;
    else if ('id' in segment) out += `[${segment.id}]`;
    else out += `[${segment.index}]`;
  }
  return out;
}
