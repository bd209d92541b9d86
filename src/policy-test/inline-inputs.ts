import type { HoldingsFile } from '../market/parse-holdings.js';
import type { PricePanel } from '../market/price-panel.js';
import type { Position } from '../portfolio/holdings.js';
import type { HoldingRow, PriceRow } from './policy-test-suite.js';

/**
 * Inline holdings rows of a test case as the holdings a CSV would give: positions, cash from the `CASH` row, and
 * each symbol's line in the test file (so a missing price points at its row). Rows are already validated.
 */
export function inlineHoldings(file: string, rows: readonly HoldingRow[], lines: readonly number[]): HoldingsFile {
  let cash = 0;
  const positions: Position[] = [];
  const rowOf = new Map<string, number>();
  rows.forEach((row, j) => {
    if (row.symbol.toUpperCase() === 'CASH') {
      cash += row.quantity;
      return;
    }
    positions.push({ symbol: row.symbol, quantity: row.quantity, averageCost: row.average_cost!, openedDate: row.opened_date! });
    rowOf.set(row.symbol, lines[j]!);
  });
  return { file, holdings: { cash, positions }, rows: rowOf };
}

/**
 * Inline price rows of a test case as a price panel: one column per symbol named in any row, NaN where a row does
 * not name it. Rows are already validated (dates increasing, prices positive).
 */
export function inlinePrices(file: string, rows: readonly PriceRow[], lines: readonly number[]): PricePanel {
  const symbols = [...new Set(rows.flatMap((row) => Object.keys(row).filter((key) => key !== 'date')))];
  const closes = new Map(symbols.map((symbol) => [symbol, Float64Array.from(rows, (row) => (typeof row[symbol] === 'number' ? (row[symbol] as number) : NaN))] as const));
  return { file, symbols, dates: rows.map((row) => row.date), rows: lines, closes };
}
