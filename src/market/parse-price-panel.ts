import { parse } from 'csv-parse/sync';
import { InputError, type InputProblem } from '../errors.js';
import type { PricePanel } from './price-panel.js';
import { isCalendarDate, readDecimal } from './read-cells.js';

const MAX_PROBLEMS = 20;

/**
 * Parses a price panel CSV: a `date` column (`YYYY-MM-DD`), then one column per symbol with closing prices.
 *
 * Empty cells mean "no price that day" and are kept as NaN (a holding priced from one is an error later).
 * Throws {@link InputError} listing, with file and row, every (up to 20) price that is not a positive plain decimal
 * (see `readDecimal`: no exponents or hex), date that is not a real calendar date, duplicate or out-of-order date,
 * duplicate symbol, and a missing `date` column.
 */
export function parsePricePanel(file: string, text: string): PricePanel {
  const problems: InputProblem[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { info: true, skip_empty_lines: true, trim: true, bom: true }) as unknown as typeof records;
  } catch (error) {
    throw new InputError([{ file, message: `not a readable CSV file: ${(error as Error).message}` }]);
  }
  const header = records[0]?.record ?? [];
  if (header[0]?.toLowerCase() !== 'date') {
    throw new InputError([{ file, row: 1, message: 'the first column must be `date`, followed by one column per symbol' }]);
  }
  const symbols = header.slice(1);
  const seen = new Set<string>();
  symbols.forEach((symbol) => {
    if (seen.has(symbol)) problems.push({ file, row: 1, column: symbol, message: `symbol ${symbol} appears twice in the header` });
    seen.add(symbol);
  });
  const body = records.slice(1);
  const closes = new Map(symbols.map((s) => [s, new Float64Array(body.length)] as const));
  const dates: string[] = [];
  const rows: number[] = [];
  body.forEach(({ record, info }, i) => {
    const row = info.lines;
    const date = record[0] ?? '';
    if (!isCalendarDate(date)) {
      problems.push({ file, row, column: 'date', message: `"${date}" is not a calendar date; write YYYY-MM-DD` });
    } else if (dates.length > 0 && date <= dates[dates.length - 1]!) {
      const what = date === dates[dates.length - 1] ? 'duplicate date' : 'dates out of order';
      problems.push({ file, row, column: 'date', message: `${what}: ${date} comes after ${dates[dates.length - 1]} (row ${rows[rows.length - 1]}); sort the rows by date, oldest first, one row per date` });
    }
    dates.push(date);
    rows.push(row);
    symbols.forEach((symbol, j) => {
      const cell = record[j + 1] ?? '';
      const read = cell === '' ? { value: NaN } : readDecimal(cell);
      if ('problem' in read) problems.push({ file, row, column: symbol, message: `price ${read.problem} (leave the cell empty when there is no price)` });
      else if (read.value <= 0) problems.push({ file, row, column: symbol, message: `price "${cell}" must be a positive number (leave the cell empty when there is no price)` });
      closes.get(symbol)![i] = 'value' in read ? read.value : NaN;
    });
  });
  if (problems.length > 0) throw new InputError(problems.slice(0, MAX_PROBLEMS));
  return { file, symbols, dates, rows, closes };
}
