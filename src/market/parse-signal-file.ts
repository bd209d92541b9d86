import { parse } from 'csv-parse/sync';
import { InputError, type InputProblem } from '../errors.js';
import type { SignalFile, SignalRow } from '../strategy/signals/signal-file.js';
import { parseIsoDate } from '../time/iso-date.js';

const MAX_PROBLEMS = 20;

/**
 * Parses a research signal file: header `date,symbol,weight` (weights as fractions of the sleeve; negative weights
 * are shorts, which a long-only account clips) or `date,symbol,score`. Rows may come in any order; one row per date
 * and symbol. Throws {@link InputError} listing, with file and line, every (up to 20) bad date, empty symbol,
 * non-numeric value, duplicate (date, symbol), and a wrong header.
 */
export function parseSignalFile(file: string, text: string): SignalFile {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { info: true, skip_empty_lines: true, trim: true, bom: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    throw new InputError([{ file, message: `not a readable CSV file: ${(error as Error).message}` }]);
  }
  const header = (records[0]?.record ?? []).map((h) => h.toLowerCase());
  const column = header[2];
  if (header[0] !== 'date' || header[1] !== 'symbol' || (column !== 'weight' && column !== 'score') || header.length !== 3) {
    throw new InputError([{ file, row: 1, message: 'the header must be `date,symbol,weight` (weights as fractions, 0.25 = 25%) or `date,symbol,score`' }]);
  }
  const problems: InputProblem[] = [];
  const byDate = new Map<string, Map<string, SignalRow>>();
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const [date = '', symbol = '', cell = ''] = record;
    if (parseIsoDate(date) === undefined) problems.push({ file, row: line, column: 'date', message: `"${date}" is not a date; write YYYY-MM-DD` });
    if (symbol === '') problems.push({ file, row: line, column: 'symbol', message: 'the symbol is empty' });
    const value = cell === '' ? NaN : Number(cell);
    if (!Number.isFinite(value)) problems.push({ file, row: line, column, message: `${column} "${cell}" must be a number` });
    if (problems.length >= MAX_PROBLEMS) break;
    const rows = byDate.get(date) ?? new Map<string, SignalRow>();
    byDate.set(date, rows);
    const earlier = rows.get(symbol);
    if (earlier !== undefined) problems.push({ file, row: line, column: 'symbol', message: `${symbol} already has a ${column} on ${date} (line ${earlier.line}); keep one row per date and symbol` });
    else rows.set(symbol, { symbol, value, line });
  }
  if (problems.length > 0) throw new InputError(problems.slice(0, MAX_PROBLEMS));
  const dates = [...byDate.keys()].sort();
  return { file, column, dates, rows: dates.map((d) => [...byDate.get(d)!.values()].sort((a, b) => a.line - b.line)) };
}
