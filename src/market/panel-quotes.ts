import type { QuoteSource } from '../approval/approval-service.js';
import { indexAsOf, type PricePanel } from './price-panel.js';

/**
 * A quote source over a price panel: the close of `symbol` on the last panel date on or before `asOf`
 * (`YYYY-MM-DD`) when given, else on or before the UTC date of the instant asked about. Undefined when the symbol
 * is not a column or has no price that day. Base currency per share.
 */
export function panelQuotes(panel: PricePanel, asOf?: string): QuoteSource {
  return (symbol, at) => {
    const index = indexAsOf(panel, asOf ?? at.toISOString().slice(0, 10));
    const close = index < 0 ? undefined : panel.closes.get(symbol)?.[index];
    return close === undefined || Number.isNaN(close) ? undefined : close;
  };
}
