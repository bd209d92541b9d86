/**
 * Everything a rule can test about one position, plus the account facts. Names match `FACTS` and the YAML.
 * Money in base currency; `_pct` in percent, rounded to 6 decimals so thresholds compare exactly
 * (a price of 120 on a cost of 100 is +20, not +20.000000000000004). Computed by `FactTable`.
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

/** Days since 1970-01-01 for a `YYYY-MM-DD` date, counted in calendar days (no time zone involved). */
export function dayNumber(date: string): number {
  return Date.UTC(digits(date, 0, 4), digits(date, 5, 2) - 1, digits(date, 8, 2)) / 86_400_000;
}

/** The number written by the `count` decimal digits of `text` from `start`; NaN if one is not a digit. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let k = start; k < start + count; k++) {
    const digit = text.charCodeAt(k) - 48;
    if (!(digit >= 0 && digit <= 9)) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}
