import { parse } from 'csv-parse/sync';
import { InputError, type InputProblem } from '../errors.js';
import { readDecimal } from './read-cells.js';

/** One position as a broker reports it: shares held and, when the export has it, the broker's price per share. */
export interface BrokerPosition {
  readonly symbol: string;
  readonly quantity: number;
  readonly price?: number;
}

/** A broker's export of an account: its positions and, when it lists one, its cash (base currency). */
export interface BrokerPositions {
  readonly file: string;
  readonly positions: readonly BrokerPosition[];
  readonly cash?: number;
}

/**
 * Parses a broker's positions export: a CSV with columns `symbol,quantity` and optionally `price` (per share, base
 * currency), one row per symbol; cash as a `CASH` row with the amount as its quantity. Quantities are plain decimals
 * ≥ 0 (see `readDecimal`). Throws {@link InputError} with every problem at its file and row.
 */
export function parseBrokerPositions(file: string, text: string): BrokerPositions {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), info: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw new InputError([{ file, message: `not a readable CSV file: ${(error as Error).message}` }]);
  }
  if (records.length === 0) throw new InputError([{ file, message: 'the file has no rows; the header is symbol,quantity (and optionally price), one row per position' }]);
  const header = Object.keys(records[0]!.record);
  const missing = ['symbol', 'quantity'].filter((c) => !header.includes(c));
  if (missing.length > 0) throw new InputError([{ file, row: 1, message: `missing column ${missing.join(', ')}; the header must have symbol,quantity (and optionally price)` }]);
  const problems: InputProblem[] = [];
  const positions: BrokerPosition[] = [];
  const seen = new Map<string, number>();
  let cash: number | undefined;
  for (const { record, info } of records) {
    const row = info.lines;
    const symbol = (record.symbol ?? '').toUpperCase();
    const quantity = readDecimal(record.quantity ?? '');
    if ('problem' in quantity) {
      problems.push({ file, row, column: 'quantity', message: quantity.problem });
      continue;
    }
    if (symbol === 'CASH') {
      cash = quantity.value;
      continue;
    }
    if (!/^[A-Z0-9.\-^]+$/.test(symbol)) problems.push({ file, row, column: 'symbol', message: `"${record.symbol}" is not a symbol` });
    if (seen.has(symbol)) problems.push({ file, row, column: 'symbol', message: `${symbol} is already listed at row ${seen.get(symbol)}; keep one row per symbol` });
    seen.set(symbol, row);
    const cell = record.price ?? '';
    const price = cell === '' ? undefined : readDecimal(cell);
    if (price !== undefined && 'problem' in price) problems.push({ file, row, column: 'price', message: price.problem });
    positions.push({ symbol, quantity: quantity.value, ...(price !== undefined && 'value' in price ? { price: price.value } : {}) });
  }
  if (problems.length > 0) throw new InputError(problems);
  return { file, positions, ...(cash === undefined ? {} : { cash }) };
}
