import type { PricePanel } from '../market/price-panel.js';

/**
 * The close of `symbol` on session `index`, or the last close before it when that cell is empty (a position is
 * marked at its last known price); undefined when the symbol has no close on or before `index`.
 */
export function closeAt(panel: PricePanel, symbol: string, index: number): number | undefined {
  const closes = panel.closes.get(symbol);
  if (closes === undefined) return undefined;
  for (let i = index; i >= 0; i--) {
    const close = closes[i]!;
    if (close > 0) return close;
  }
  return undefined;
}
