import { MissingPriceError } from '../errors.js';
import type { Holdings } from '../portfolio/holdings.js';
import type { MarketSnapshot } from '../market/market-snapshot.js';

/**
 * Everything a rule can test about one position, plus the account facts. Names match {@link FACTS} and the YAML.
 * Money in base currency; `_pct` in percent, rounded to 6 decimals so thresholds compare exactly
 * (a price of 120 on a cost of 100 is +20, not +20.000000000000004).
 */
export interface PositionFacts {
  readonly symbol: string;
  readonly quantity: number;
  readonly average_cost: number;
  readonly opened_date: string;
  readonly price: number;
  readonly market_value: number;
  readonly weight_pct: number;
  readonly unrealized_pnl: number;
  readonly unrealized_pnl_pct: number;
  readonly days_held: number;
  readonly move_since_entry_pct: number;
  readonly equity: number;
  readonly cash: number;
}

/**
 * Computes the facts of every position at the snapshot's prices.
 *
 * `asOfDate` (`YYYY-MM-DD`) is the calendar date days are counted to: `days_held` = whole days from `opened_date`.
 * Equity = cash + Σ quantity × price. `move_since_entry_pct` = |unrealized_pnl_pct|, entry being the average cost.
 * Throws {@link MissingPriceError} naming every held symbol without a price.
 */
export function positionFacts(holdings: Holdings, market: MarketSnapshot, asOfDate: string): PositionFacts[] {
  const missing = holdings.positions.filter((p) => !market.prices.has(p.symbol)).map((p) => p.symbol);
  if (missing.length > 0) throw new MissingPriceError(missing, market.date);
  let equity = holdings.cash;
  for (const position of holdings.positions) equity += position.quantity * market.prices.get(position.symbol)!;
  const asOfDay = dayNumber(asOfDate);
  return holdings.positions.map((position) => {
    const price = market.prices.get(position.symbol)!;
    const marketValue = position.quantity * price;
    const pnlPct = roundPct(((price - position.averageCost) * 100) / position.averageCost);
    return {
      symbol: position.symbol,
      quantity: position.quantity,
      average_cost: position.averageCost,
      opened_date: position.openedDate,
      price,
      market_value: marketValue,
      weight_pct: equity > 0 ? roundPct((marketValue * 100) / equity) : 0,
      unrealized_pnl: (price - position.averageCost) * position.quantity,
      unrealized_pnl_pct: pnlPct,
      days_held: asOfDay - dayNumber(position.openedDate),
      move_since_entry_pct: Math.abs(pnlPct),
      equity,
      cash: holdings.cash,
    };
  });
}

function roundPct(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Days since 1970-01-01 for a `YYYY-MM-DD` date, counted in calendar days (no time zone involved). */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}
