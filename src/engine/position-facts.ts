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
