import { parseIsoDate } from '../time/iso-date.js';

/** The largest number a CSV cell may hold: beyond it a value is no longer exact as a JSON number in base currency cents. */
const MAX_CELL_VALUE = 1e12;

/**
 * A plain decimal number as written in a CSV cell (`1250`, `43.26`, `0.5`), or a message saying what to write
 * instead. Refused: signs, exponents (`1e400`), hex (`0x2B`), `Infinity`, thousands separators, and values of
 * 10^12 or more, which would not survive as exact amounts.
 */
export function readDecimal(cell: string): { readonly value: number } | { readonly problem: string } {
  if (!/^\d+(\.\d+)?$/.test(cell)) return { problem: `"${cell}" is not a plain decimal number; write digits with an optional decimal point, e.g. 1250 or 43.26` };
  const value = Number(cell);
  if (!(value < MAX_CELL_VALUE)) return { problem: `"${cell}" is too large (at most 12 digits before the decimal point)` };
  return { value };
}

/** Whether a cell is a real calendar date written `YYYY-MM-DD` (not `2001-02-30`). */
export function isCalendarDate(cell: string): boolean {
  return parseIsoDate(cell) !== undefined;
}
