import { parse } from 'csv-parse/sync';
import { InputError, type InputProblem } from '../errors.js';
import type { Holdings, Position } from '../portfolio/holdings.js';
import { isCalendarDate, readDecimal } from './read-cells.js';

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
 * Cash is a row with symbol `CASH` and the amount, in base currency and whole cents, as its quantity (other cells
 * empty). Quantities and average costs must be positive plain decimals (see `readDecimal`: no exponents, hex or
 * signs), dates real `YYYY-MM-DD` calendar dates, symbols unique. A file without rows is refused (an empty account is
 * `CASH,0,,`). Throws {@link InputError} listing every problem with its file and row.
 */
export function parseHoldings(file: string, text: string): HoldingsFile {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, info: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw new InputError([{ file, message: `not a readable CSV file: ${(error as Error).message}` }]);
  }
  const problems: InputProblem[] = [];
  if (records.length === 0) {
    throw new InputError([{ file, message: `the file has no rows; list one row per position (${COLUMNS.join(',')}) and cash as CASH,<amount>,, — CASH,0,, for an empty account` }]);
  }
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
    const quantity = readDecimal(record.quantity ?? '');
    if (symbol.toUpperCase() === 'CASH') {
      if ('problem' in quantity) problems.push({ file, row, column: 'quantity', message: `cash ${quantity.problem}` });
      else if (!/^\d+(\.\d{1,2})?$/.test(record.quantity!)) problems.push({ file, row, column: 'quantity', message: `cash "${record.quantity}" must be in whole cents (at most 2 decimals)` });
      else cash = Math.round((cash + quantity.value) * 100) / 100;
      continue;
    }
    if (!/^[A-Za-z0-9.\-^]+$/.test(symbol)) problems.push({ file, row, column: 'symbol', message: `"${symbol}" is not a symbol` });
    if (rows.has(symbol)) problems.push({ file, row, column: 'symbol', message: `${symbol} is already held at row ${rows.get(symbol)}; keep one row per symbol` });
    if ('problem' in quantity) problems.push({ file, row, column: 'quantity', message: `${quantity.problem} of shares` });
    else if (!(quantity.value > 0)) problems.push({ file, row, column: 'quantity', message: `quantity "${record.quantity}" must be a positive number of shares` });
    const averageCost = readDecimal(record.average_cost ?? '');
    if ('problem' in averageCost) problems.push({ file, row, column: 'average_cost', message: `average cost ${averageCost.problem}` });
    else if (!(averageCost.value > 0)) problems.push({ file, row, column: 'average_cost', message: `average cost "${record.average_cost}" must be a positive price` });
    const openedDate = record.opened_date ?? '';
    if (!isCalendarDate(openedDate)) {
      problems.push({ file, row, column: 'opened_date', message: `"${openedDate}" is not a calendar date; write YYYY-MM-DD` });
    }
    rows.set(symbol, row);
    if ('value' in quantity && 'value' in averageCost) positions.push({ symbol, quantity: quantity.value, averageCost: averageCost.value, openedDate });
  }
  if (problems.length > 0) throw new InputError(problems);
  return { file, holdings: { cash, positions }, rows };
}
