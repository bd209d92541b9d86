/**
 * The facts a rule can test, with their units. Custom rules may name only these (checked when a policy loads),
 * and `schemas/policy.schema.json` lists the same names for editor completion (a test keeps the two equal).
 */
export const FACTS = {
  symbol: 'ticker, e.g. `KO`',
  quantity: 'shares held',
  average_cost: 'average cost per share, base currency',
  opened_date: 'date the position was opened, `YYYY-MM-DD`',
  price: 'price on the as-of date, base currency',
  market_value: 'quantity × price, base currency',
  weight_pct: 'market value in percent of equity',
  unrealized_pnl: '(price − average cost) × quantity, base currency',
  unrealized_pnl_pct: 'price vs average cost, percent (+31.2 means up 31.2%)',
  days_held: 'calendar days since `opened_date`',
  move_since_entry_pct: 'size of the move since entry either way, percent (always ≥ 0)',
  equity: 'cash + Σ market values, base currency (account fact)',
  cash: 'cash in the account, base currency (account fact)',
} as const;

/** A fact name from {@link FACTS}. */
export type FactName = keyof typeof FACTS;

/** json-rules-engine's built-in operators, the only ones a custom rule may use. */
export const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;
