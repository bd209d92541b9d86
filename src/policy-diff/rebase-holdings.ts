import type { PricePanel } from '../market/price-panel.js';
import type { Holdings } from '../portfolio/holdings.js';

/**
 * The same positions and cash, bought at the close of the first price date on or after `date` (`YYYY-MM-DD`): the
 * start of a replay from an account whose real positions were opened later. Average cost becomes that close and
 * the opened date that session, so days held and gains count from the replay's start. A position without a close
 * that day keeps its cost and is reported by the replay. Returns the holdings unchanged when no date is that late.
 */
export function rebaseHoldings(holdings: Holdings, prices: PricePanel, date: string): Holdings {
  const row = prices.dates.findIndex((d) => d >= date);
  if (row < 0) return holdings;
  const session = prices.dates[row]!;
  return {
    cash: holdings.cash,
    positions: holdings.positions.map((position) => {
      const close = prices.closes.get(position.symbol)?.[row];
      return close === undefined || Number.isNaN(close) ? position : { ...position, averageCost: close, openedDate: session };
    }),
  };
}
