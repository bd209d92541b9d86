import { MissingPriceError } from '../errors.js';
import type { MarketSnapshot } from '../market/market-snapshot.js';
import type { Holdings, Position } from '../portfolio/holdings.js';
import { dayNumber } from '../time/iso-date.js';
import type { PositionFacts } from './position-facts.js';

/**
 * The facts of every position of an evaluation in columns: one typed array per numeric fact, indexed by the position's
 * row (its index in `holdings.positions`), and the account facts. What the compiled predicates, the exit sizing and
 * the limits read: numbers only, no object per position. {@link FactTable.row} gives one position's facts as the
 * {@link PositionFacts} object that run records keep.
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
  readonly weightPct: Float64Array;
  readonly unrealizedPnl: Float64Array;
  readonly unrealizedPnlPct: Float64Array;
  readonly daysHeld: Float64Array;

  /**
   * Computes the facts of every position of `holdings` at the snapshot's prices, days counted to `asOfDate`
   * (`YYYY-MM-DD`). Throws {@link MissingPriceError} naming every held symbol without a price.
   */
  constructor(holdings: Holdings, market: MarketSnapshot, asOfDate: string) {
    const { positions, cash } = holdings;
    const n = positions.length;
    const buffer = new ArrayBuffer(6 * n * Float64Array.BYTES_PER_ELEMENT);
    const column = (k: number): Float64Array => new Float64Array(buffer, k * n * Float64Array.BYTES_PER_ELEMENT, n);
    this.size = n;
    this.positions = positions;
    this.cash = cash;
    this.price = column(0);
    this.marketValue = column(1);
    this.weightPct = column(2);
    this.unrealizedPnl = column(3);
    this.unrealizedPnlPct = column(4);
    this.daysHeld = column(5);
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
    const asOfDay = dayNumber(asOfDate);
    for (let i = 0; i < n; i++) {
      const { quantity, averageCost, openedDate } = positions[i]!;
      const price = this.price[i]!;
      this.weightPct[i] = equity > 0 ? roundPct((this.marketValue[i]! * 100) / equity) : 0;
      this.unrealizedPnl[i] = (price - averageCost) * quantity;
      this.unrealizedPnlPct[i] = roundPct(((price - averageCost) * 100) / averageCost);
      this.daysHeld[i] = asOfDay - dayNumber(openedDate);
    }
  }

  /** The facts of row `i` as one object (a copy: what run records keep and rule sizing reads). */
  row(i: number): PositionFacts {
    const { symbol, quantity, averageCost, openedDate } = this.positions[i]!;
    const pnlPct = this.unrealizedPnlPct[i]!;
    return {
      symbol,
      quantity,
      average_cost: averageCost,
      opened_date: openedDate,
      price: this.price[i]!,
      market_value: this.marketValue[i]!,
      weight_pct: this.weightPct[i]!,
      unrealized_pnl: this.unrealizedPnl[i]!,
      unrealized_pnl_pct: pnlPct,
      days_held: this.daysHeld[i]!,
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
