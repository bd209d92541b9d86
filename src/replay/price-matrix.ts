import type { PricePanel } from '../market/price-panel.js';

/**
 * A price panel in columns for a replay: per symbol, the file's closes (`raw`, NaN where a cell was empty) and the
 * closes known at each row (`known`: the last non-empty close at or before it, NaN before the first). Built once, read
 * by row index, never copied per session.
 */
export class PriceMatrix {
  readonly symbols: readonly string[];
  readonly column: ReadonlyMap<string, number>;
  readonly raw: readonly Float64Array[];
  readonly known: readonly Float64Array[];

  constructor(panel: PricePanel) {
    this.symbols = panel.symbols;
    this.column = new Map(panel.symbols.map((symbol, j) => [symbol, j] as const));
    this.raw = panel.symbols.map((symbol) => panel.closes.get(symbol)!);
    this.known = this.raw.map((closes) => {
      if (!hasGaps(closes)) return closes;
      const filled = new Float64Array(closes.length);
      let last = Number.NaN;
      for (let i = 0; i < closes.length; i++) {
        if (!Number.isNaN(closes[i]!)) last = closes[i]!;
        filled[i] = last;
      }
      return filled;
    });
  }

  /** The prices known at panel row `row`, as the `prices` map of a market snapshot (no copy). */
  at(row: number): SessionPrices {
    return new SessionPrices(this, row);
  }
}

/**
 * The closes known at one row of a {@link PriceMatrix}, as a read-only map symbol → price: every symbol with a close at
 * or before the row, in the file's column order. What a replay's decision sees as its market's prices.
 */
export class SessionPrices implements ReadonlyMap<string, number> {
  readonly #matrix: PriceMatrix;
  readonly #row: number;

  constructor(matrix: PriceMatrix, row: number) {
    this.#matrix = matrix;
    this.#row = row;
  }

  get(symbol: string): number | undefined {
    const j = this.#matrix.column.get(symbol);
    if (j === undefined) return undefined;
    const price = this.#matrix.known[j]![this.#row]!;
    return Number.isNaN(price) ? undefined : price;
  }

  has(symbol: string): boolean {
    return this.get(symbol) !== undefined;
  }

  get size(): number {
    let n = 0;
    for (const column of this.#matrix.known) if (!Number.isNaN(column[this.#row]!)) n++;
    return n;
  }

  *entries(): MapIterator<[string, number]> {
    const { symbols, known } = this.#matrix;
    for (let j = 0; j < symbols.length; j++) {
      const price = known[j]![this.#row]!;
      if (!Number.isNaN(price)) yield [symbols[j]!, price];
    }
  }

  *keys(): MapIterator<string> {
    const { symbols, known } = this.#matrix;
    for (let j = 0; j < symbols.length; j++) if (!Number.isNaN(known[j]![this.#row]!)) yield symbols[j]!;
  }

  *values(): MapIterator<number> {
    for (const [, price] of this.entries()) yield price;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void): void {
    for (const [symbol, price] of this.entries()) callback(price, symbol, this);
  }
}

/** True when a column has an empty cell (NaN). A loop: `some(Number.isNaN)` boxes every close it passes. */
function hasGaps(closes: Float64Array): boolean {
  for (let i = 0; i < closes.length; i++) if (Number.isNaN(closes[i]!)) return true;
  return false;
}
