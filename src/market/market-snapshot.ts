import type { SignalFile } from '../strategy/signals/signal-file.js';
import type { PriceHistory } from './price-history.js';

/**
 * Prices as of one trading date, in base currency per share, and what strategies decide from.
 *
 * `date` is `YYYY-MM-DD`; `prices` maps symbol → closing price on that date. A policy with `strategies` also needs
 * `history` (the daily closes up to `date`, for its factors and sleeves) and, for file signals, the parsed
 * `signals` by strategy id.
 */
export interface MarketSnapshot {
  readonly date: string;
  readonly prices: ReadonlyMap<string, number>;
  readonly history?: PriceHistory;
  readonly signals?: ReadonlyMap<string, SignalFile>;
}
