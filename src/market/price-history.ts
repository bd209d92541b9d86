import type { PricePanel } from './price-panel.js';

/**
 * The daily closes a strategy may look at: a price panel and the index of the decision session in it. Everything
 * after `index` is the future and is never read by a decision.
 */
export interface PriceHistory {
  readonly panel: PricePanel;
  /** Index of the decision session in `panel.dates`. */
  readonly index: number;
}
