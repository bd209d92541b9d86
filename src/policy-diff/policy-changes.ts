import { create, type Delta } from 'jsondiffpatch';
import type { Policy } from '../policy/policy.js';
import type { DefaultNote, PathSegment, PolicyChange } from './policy-change.js';

/**
 * jsondiffpatch matches list items by this hash: `id` for rules, schedules and strategies, `fact` + `operator` for a
 * condition test (so editing a threshold is a change of that test, not a removal and an addition); other objects by
 * position. Moves are detected and then ignored: order carries no meaning in a policy's lists.
 */
const differ = create({
  objectHash: (item: object, index?: number) => {
    const record = item as Record<string, unknown>;
    if (typeof record.id === 'string') return `id:${record.id}`;
    if (typeof record.fact === 'string') return `test:${record.fact}:${String(record.operator)}`;
    return `$$index:${index ?? 0}`;
  },
  arrays: { detectMove: true, includeValueOnMove: false },
});

/**
 * The changes of meaning between two effective policies (every default filled in), computed by jsondiffpatch and
 * read back in the policy's own terms (see {@link PolicyChange}). An empty list: the two behave the same.
 */
export function policyChanges(before: Policy, after: Policy): PolicyChange[] {
  return deltaChanges(differ.diff(before, after), before, after);
}

/**
 * What differs between the two files as written (comments and formatting aside) but not in effect: defaults newly
 * written out or newly left out. `rawBefore`/`rawAfter` are the parsed YAML without defaults; `changes` the
 * effective changes, whose paths are excluded.
 */
export function defaultNotes(rawBefore: unknown, rawAfter: unknown, changes: readonly PolicyChange[]): DefaultNote[] {
  const changed = changes.map((c) => key(c.segments));
  const touches = (path: string): boolean => changed.some((c) => c === path || c.startsWith(`${path}.`) || c.startsWith(`${path}[`) || path.startsWith(`${c}.`) || path.startsWith(`${c}[`));
  return deltaChanges(differ.diff(rawBefore, rawAfter), rawBefore, rawAfter)
    .filter((c) => c.kind !== 'changed' && !touches(key(c.segments)))
    .map((c) => (c.kind === 'added' ? { kind: 'written', segments: c.segments, value: c.after } : { kind: 'omitted', segments: c.segments, value: c.before }));
}

function key(segments: readonly PathSegment[]): string {
  return segments.map((s) => (typeof s === 'string' ? `.${s}` : 'id' in s ? `[${s.id}]` : `[${s.index}]`)).join('');
}

/** Reads a jsondiffpatch delta (see its docs/deltas.md) as a list of changes. */
function deltaChanges(delta: Delta, before: unknown, after: unknown, at: PathSegment[] = [], out: PolicyChange[] = []): PolicyChange[] {
  if (delta === undefined) return out;
  if (Array.isArray(delta)) {
    if (delta.length === 1) out.push({ kind: 'added', segments: at, after: delta[0] });
    else if (delta.length === 2) out.push({ kind: 'changed', segments: at, before: delta[0], after: delta[1] });
    else if (delta[2] === 0) out.push({ kind: 'removed', segments: at, before: delta[0] });
    else if (delta[2] === 2) out.push({ kind: 'changed', segments: at, before, after });
    return out;
  }
  const node = delta as Record<string, Delta>;
  if ((node as { _t?: unknown })._t === 'a') return arrayChanges(node, before as unknown[], after as unknown[], at, out);
  for (const [name, child] of Object.entries(node)) {
    deltaChanges(child, field(before, name), field(after, name), [...at, name], out);
  }
  return out;
}

function arrayChanges(delta: Record<string, Delta>, before: readonly unknown[], after: readonly unknown[], at: PathSegment[], out: PolicyChange[]): PolicyChange[] {
  for (const [name, child] of Object.entries(delta)) {
    if (name === '_t') continue;
    const removed = name.startsWith('_');
    const index = Number(removed ? name.slice(1) : name);
    if (Array.isArray(child) && child.length === 3 && child[2] === 3) continue;
    if (Array.isArray(child)) {
      const item = removed ? before[index] : after[index];
      const segments = itemPath(at, item, index);
      out.push(removed ? { kind: 'removed', segments, before: child[0] } : { kind: 'added', segments, after: child[0] });
      continue;
    }
    const item = after[index];
    const previous = before.find((b) => sameItem(b, item)) ?? before[index];
    if (isConditionTest(item)) out.push({ kind: 'changed', segments: at, before: previous, after: item });
    else deltaChanges(child, previous, item, itemPath(at, item, index), out);
  }
  return out;
}

/** A list item's place: by id when it has one; plain values and condition tests are named by their value instead. */
function itemPath(at: PathSegment[], item: unknown, index: number): PathSegment[] {
  if (typeof item !== 'object' || item === null || isConditionTest(item)) return at;
  const id = (item as Record<string, unknown>).id;
  return [...at, typeof id === 'string' ? { id } : { index }];
}

function sameItem(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  if (typeof y.id === 'string') return x.id === y.id;
  return isConditionTest(y) && x.fact === y.fact && x.operator === y.operator;
}

function isConditionTest(item: unknown): boolean {
  return typeof item === 'object' && item !== null && typeof (item as Record<string, unknown>).fact === 'string';
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}
