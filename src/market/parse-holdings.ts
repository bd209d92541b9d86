import { parse } from 'csv-parse/sync';
import { InputError, type InputProblem } from '../errors.js';
import type { Holdings, Position } from '../portfolio/holdings.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const COLUMNS = ['symbol', 'quantity', 'average_cost', 'opened_date'] as const;

/** Holdings with the file row each position came from, so later checks can point at it. */
export interface HoldingsFile {
  readonly file: string;
  readonly holdings: Holdings;
  /** symbol → 1-based line in the file. */
  readonly rows: ReadonlyMap<string, number>;
}

/**
 * Parses a holdings CSV with columns `symbol,quantity,average_cost,opened_date`.
 *
 * Cash is a row with symbol `CASH` and the amount, in base currency, as its quantity (other cells empty).
 * Quantities and average costs must be positive numbers, dates `YYYY-MM-DD`, symbols unique.
 * Throws {@link InputError} listing every problem with its file and row.
 */
export function parseHoldings(file: string, text: string): HoldingsFile {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, info: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw new InputError([{ file, message: `not a readable CSV file: ${(error as Error).message}` }]);
  }
  const problems: InputProblem[] = [];
  const header = records.length > 0 ? Object.keys(records[0]!.record) : [];
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (records.length > 0 && missing.length > 0) {
    throw new InputError([{ file, row: 1, message: `missing column ${missing.join(', ')}; the header must be ${COLUMNS.join(',')}` }]);
  }
  let cash = 0;
  const positions: Position[] = [];
  const rows = new Map<string, number>();
  for (const { record, info } of records) {
    const row = info.lines;
    const symbol = record.symbol ?? '';
    const quantity = Number(record.quantity);
    if (symbol.toUpperCase() === 'CASH') {
      if (!Number.isFinite(quantity) || quantity < 0) problems.push({ file, row, column: 'quantity', message: `cash "${record.quantity}" must be a number ≥ 0` });
      else cash += quantity;
      continue;
    }
    if (!/^[A-Za-z0-9.\-^]+$/.test(symbol)) problems.push({ file, row, column: 'symbol', message: `"${symbol}" is not a symbol` });
    if (rows.has(symbol)) problems.push({ file, row, column: 'symbol', message: `${symbol} is already held at row ${rows.get(symbol)}; keep one row per symbol` });
    if (!(quantity > 0)) problems.push({ file, row, column: 'quantity', message: `quantity "${record.quantity}" must be a positive number of shares` });
    const averageCost = Number(record.average_cost);
    if (!(averageCost > 0)) problems.push({ file, row, column: 'average_cost', message: `average cost "${record.average_cost}" must be a positive price` });
    const openedDate = record.opened_date ?? '';
    if (!DATE.test(openedDate) || Number.isNaN(Date.parse(openedDate))) {
      problems.push({ file, row, column: 'opened_date', message: `"${openedDate}" is not a date; write YYYY-MM-DD` });
    }
    rows.set(symbol, row);
    positions.push({ symbol, quantity, averageCost, openedDate });
  }
  if (problems.length > 0) throw new InputError(problems);
  return { file, holdings: { cash, positions }, rows };
}
