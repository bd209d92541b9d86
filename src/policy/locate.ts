import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { SourcePosition } from './diagnostic.js';

/**
 * Finds where a path of the policy lives in its YAML source.
 *
 * With `target: 'key'` the position is that of the mapping key (for unknown keys), otherwise that of the value.
 * A path that does not exist in the source (a missing key, or a default) resolves to the nearest existing parent,
 * at its key when it has one, so "missing `gain_pct`" points at `take_profit:`. Falls back to 1:1.
 * `exists` tells whether the whole path was found.
 */
export function locate(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly (string | number)[],
  target: 'key' | 'value' = 'value',
): SourcePosition & { readonly exists: boolean } {
  let node: unknown = doc.contents;
  let best: Node | null = isNode(node) ? node : null;
  let bestKey: Node | null = null;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return { ...position(bestKey ?? best, lineCounter), exists: false };
      const key = isNode(pair.key) ? pair.key : null;
      if (last && target === 'key' && key) return { ...position(key, lineCounter), exists: true };
      node = pair.value;
      bestKey = key;
      best = isNode(node) ? node : key;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return { ...position(bestKey ?? best, lineCounter), exists: false };
      node = item;
      bestKey = null;
      best = isNode(node) ? node : best;
    } else {
      return { ...position(bestKey ?? best, lineCounter), exists: false };
    }
  }
  return { ...position(best, lineCounter), exists: true };
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value && Array.isArray((value as Node).range);
}

function position(node: Node | null, lineCounter: LineCounter): SourcePosition {
  const offset = node?.range?.[0];
  if (offset === undefined) return { line: 1, col: 1 };
  const { line, col } = lineCounter.linePos(offset);
  return { line, col };
}
