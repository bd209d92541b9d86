import { Document, isMap, isScalar, isSeq, parse, type Node } from 'yaml';

/**
 * The effective policy (every default filled in, keys in schema order) as YAML for `show-config`: the source's
 * `$schema` modeline first when it had one, a header naming the file and revision, and `# default` after every
 * value the file does not write (on the key when a whole section is defaulted). Lists of plain values print in flow
 * style (`[AA, BA]`), as the bundled policies write them.
 */
export function formatEffectivePolicy(effective: Record<string, unknown>, sourceText: string, header: string): string {
  const doc = new Document(effective);
  markDefaults(doc.contents, parse(sourceText) as unknown);
  const modeline = sourceText.split(/\r?\n/).find((line) => /^#\s*yaml-language-server:\s*\$schema=/.test(line));
  const lines = [...(modeline ? [modeline] : []), ...header.split('\n').map((l) => `# ${l}`), ''];
  return lines.join('\n') + doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function markDefaults(node: Node | null, written: unknown): void {
  if (isSeq(node)) {
    if (node.items.every((item) => isScalar(item))) node.flow = true;
    node.items.forEach((item, i) => markDefaults(item as Node, Array.isArray(written) ? written[i] : undefined));
    return;
  }
  if (!isMap(node)) return;
  const source = typeof written === 'object' && written !== null ? (written as Record<string, unknown>) : {};
  for (const pair of node.items) {
    const key = String((pair.key as { value?: unknown }).value);
    const empty = (isSeq(pair.value) || isMap(pair.value)) && pair.value.items.length === 0;
    if (empty) (pair.value as { flow: boolean }).flow = true;
    if (key in source) {
      markDefaults(pair.value as Node, source[key]);
    } else {
      const target = isScalar(pair.value) || empty ? (pair.value as Node) : (pair.key as Node);
      target.comment = ' default';
    }
  }
}
