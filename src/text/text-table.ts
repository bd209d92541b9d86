/**
 * A plain-text table for a terminal: the header and rows padded to their column widths, columns whose index is in
 * `right` aligned right, each line indented by `indent` spaces, trailing spaces trimmed.
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], right: ReadonlySet<number>, indent: number): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]): string =>
    ' '.repeat(indent) + cells.map((cell, c) => (right.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}
