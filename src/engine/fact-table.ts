import { MissingPriceError } from '../errors.js';
import type { MarketSnapshot } from '../market/market-snapshot.js';
import type { Holdings, Position } from '../portfolio/holdings.js';
import { dayNumber } from '../time/iso-date.js';
import type { PositionFacts } from './position-facts.js';

/**
 * The facts of every position of an evaluation in columns: one typed array per numeric fact, indexed by the position's
 * row (its index in `holdings.positions`), and the account facts. What the compiled predicates, the exit sizing and
 * the limits read: numbers only, no object per position. {@link FactTable.row} gives one position's facts as the
 * {@link PositionFacts} object that run records keep. Prices, market values and equity are computed at once; the
 * other columns when first read, so daily guards that test only the P&L never count days held or weights.
 *
 * Definitions (the rules' facts, `FACTS` in the policy): equity = cash + Σ quantity × price, in position order;
 * market value = quantity × price; `weight_pct` = market value × 100 / equity (0 when equity ≤ 0);
 * `unrealized_pnl` = (price − average cost) × quantity; `unrealized_pnl_pct` = (price − average cost) × 100 / average
 * cost; `move_since_entry_pct` = |unrealized_pnl_pct|; `days_held` = calendar days from `opened_date` to the as-of
 * date. Percents are rounded to 6 decimals so thresholds compare exactly (120 on a cost of 100 is +20, not
 * +20.000000000000004).
 */
export class FactTable {
  /** Number of positions (rows). */
  readonly size: number;
  readonly positions: readonly Position[];
  readonly equity: number;
  readonly cash: number;
  readonly price: Float64Array;
  readonly marketValue: Float64Array;
  /** The as-of date's day number (see `dayNumber`). */
  readonly #asOfDay: number;
  #weightPct: Float64Array | undefined;
  #unrealizedPnl: Float64Array | undefined;
  #unrealizedPnlPct: Float64Array | undefined;
  #daysHeld: Float64Array | undefined;

  /**
   * Computes the prices, market values and equity of `holdings` at the snapshot's prices; days are counted to
   * `asOfDate` (`YYYY-MM-DD`). Throws {@link MissingPriceError} naming every held symbol without a price.
   */
  constructor(holdings: Holdings, market: MarketSnapshot, asOfDate: string) {
    const { positions, cash } = holdings;
    const n = positions.length;
    this.size = n;
    this.positions = positions;
    this.cash = cash;
    this.#asOfDay = dayNumber(asOfDate);
    this.price = new Float64Array(n);
    this.marketValue = new Float64Array(n);
    let missing: string[] | undefined;
    let equity = cash;
    for (let i = 0; i < n; i++) {
      const position = positions[i]!;
      const price = market.prices.get(position.symbol);
      if (price === undefined) {
        (missing ??= []).push(position.symbol);
        continue;
      }
      this.price[i] = price;
      this.marketValue[i] = position.quantity * price;
      equity += this.marketValue[i]!;
    }
    if (missing) throw new MissingPriceError(missing, market.date);
    this.equity = equity;
  }

  /** `weight_pct` per row. */
  get weightPct(): Float64Array {
    return (this.#weightPct ??= this.#column((i) => this.#weightPctOf(i)));
  }

  /** `unrealized_pnl` per row, base currency. */
  get unrealizedPnl(): Float64Array {
    return (this.#unrealizedPnl ??= this.#column((i) => this.#unrealizedPnlOf(i)));
  }

  /** `unrealized_pnl_pct` per row. */
  get unrealizedPnlPct(): Float64Array {
    return (this.#unrealizedPnlPct ??= this.#column((i) => this.#unrealizedPnlPctOf(i)));
  }

  /** `days_held` per row. */
  get daysHeld(): Float64Array {
    return (this.#daysHeld ??= this.#column((i) => this.#daysHeldOf(i)));
  }

  #weightPctOf(i: number): number {
    return this.equity > 0 ? roundPct((this.marketValue[i]! * 100) / this.equity) : 0;
  }

  #unrealizedPnlOf(i: number): number {
    const { quantity, averageCost } = this.positions[i]!;
    return (this.price[i]! - averageCost) * quantity;
  }

  #unrealizedPnlPctOf(i: number): number {
    const { averageCost } = this.positions[i]!;
    return roundPct(((this.price[i]! - averageCost) * 100) / averageCost);
  }

  #daysHeldOf(i: number): number {
    return this.#asOfDay - dayNumber(this.positions[i]!.openedDate);
  }

  #column(valueOf: (i: number) => number): Float64Array {
    const column = new Float64Array(this.size);
    for (let i = 0; i < this.size; i++) column[i] = valueOf(i);
    return column;
  }

  /** The facts of row `i` as one object (a copy: what run records keep and rule sizing reads); reads a column already computed, else works out row `i` alone. */
  row(i: number): PositionFacts {
    const { symbol, quantity, averageCost, openedDate } = this.positions[i]!;
    const pnlPct = this.#unrealizedPnlPct?.[i] ?? this.#unrealizedPnlPctOf(i);
    return {
      symbol,
      quantity,
      average_cost: averageCost,
      opened_date: openedDate,
      price: this.price[i]!,
      market_value: this.marketValue[i]!,
      weight_pct: this.#weightPct?.[i] ?? this.#weightPctOf(i),
      unrealized_pnl: this.#unrealizedPnl?.[i] ?? this.#unrealizedPnlOf(i),
      unrealized_pnl_pct: pnlPct,
      days_held: this.#daysHeld?.[i] ?? this.#daysHeldOf(i),
      move_since_entry_pct: Math.abs(pnlPct),
      equity: this.equity,
      cash: this.cash,
    };
  }

  /** Every row's facts, in position order. */
  rows(): PositionFacts[] {
    const rows: PositionFacts[] = new Array(this.size);
    for (let i = 0; i < this.size; i++) rows[i] = this.row(i);
    return rows;
  }
}

/** Reads one fact of one row of a {@link FactTable}. */
export type FactReader = (table: FactTable, i: number) => unknown;

const READERS: Readonly<Record<keyof PositionFacts, FactReader>> = {
  symbol: (t, i) => t.positions[i]!.symbol,
  quantity: (t, i) => t.positions[i]!.quantity,
  average_cost: (t, i) => t.positions[i]!.averageCost,
  opened_date: (t, i) => t.positions[i]!.openedDate,
  price: (t, i) => t.price[i],
  market_value: (t, i) => t.marketValue[i],
  weight_pct: (t, i) => t.weightPct[i],
  unrealized_pnl: (t, i) => t.unrealizedPnl[i],
  unrealized_pnl_pct: (t, i) => t.unrealizedPnlPct[i],
  days_held: (t, i) => t.daysHeld[i],
  move_since_entry_pct: (t, i) => Math.abs(t.unrealizedPnlPct[i]!),
  equity: (t) => t.equity,
  cash: (t) => t.cash,
};

/** The reader of fact `name` (a name of `FACTS`); a name that is not a fact reads `undefined`, as a missing key would. */
export function factReader(name: string): FactReader {
  return Object.hasOwn(READERS, name) ? READERS[name as keyof PositionFacts] : () => undefined;
}

function roundPct(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
