import { PLAIN, type Paint } from './paint.js';

/** How {@link textTable} lays out and colours a table. */
export interface TableOptions {
  /** Indexes of the columns aligned right (numbers). Default none. */
  readonly right?: ReadonlySet<number>;
  /** Spaces before each line. Default 0. */
  readonly indent?: number;
  /** Colours; the header row is painted as a `heading`. Default {@link PLAIN}. */
  readonly paint?: Paint;
  /** Colours one body cell after it is padded (so widths are measured without escape codes): row and column index. */
  readonly style?: (padded: string, row: number, column: number) => string;
}

/**
 * A plain-text table for a terminal: the header and rows padded to their column widths (two spaces between columns),
 * right-aligned where asked, each line indented, trailing spaces trimmed. Returns the lines, header first.
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): string[] {
  const { right = new Set<number>(), indent = 0, paint = PLAIN, style = (padded: string) => padded } = options;
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: readonly string[], color: (padded: string, column: number) => string): string => {
    const padded = cells.map((cell, c) => (right.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)));
    const last = padded.length - 1;
    return ' '.repeat(indent) + padded.map((cell, c) => color(c === last ? cell.trimEnd() : cell, c)).join('  ').trimEnd();
  };
  return [line(header, (cell) => paint.heading(cell)), ...rows.map((row, r) => line(row, (cell, c) => style(cell, r, c)))];
}
