/**
 * Prices as of one trading date, in base currency per share.
 *
 * `date` is `YYYY-MM-DD`; `prices` maps symbol → closing price on that date.
 */
export interface MarketSnapshot {
  readonly date: string;
  readonly prices: ReadonlyMap<string, number>;
}
