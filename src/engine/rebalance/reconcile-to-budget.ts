import { money } from '../../text/numbers.js';
import type { DroppedTrade } from './rebalance-result.js';
import { sizedNotional, type SizedTrade } from './sized-trade.js';

/** Excess over the budget ignored as float noise, as a share of the budget (never more than a millionth of a cent per 10k). */
const BUDGET_TOLERANCE = 1e-12;

/**
 * Keeps the total notional of one side (all buys or all sells) within the budget after share rounding, by
 * adjusting the smallest trades down first (note 004 §4.4: "adjust the smallest trades down to keep within
 * budget"). Mutates `units`; a trade cut to 0 units is reported `dropped`, otherwise `cut`, with constraint
 * `budget` (listed in `dropped` when given). O(n log n).
 */
export function reconcileToBudget(trades: readonly SizedTrade[], budget: number, dropped: DroppedTrade[] | undefined): void {
  let total = 0;
  for (const trade of trades) total += sizedNotional(trade);
  let excess = total - budget;
  if (excess <= budget * BUDGET_TOLERANCE) return;
  const smallestFirst = trades
    .filter((t) => t.units > 0)
    .sort((a, b) => sizedNotional(a) - sizedNotional(b) || (a.candidate.row.symbol < b.candidate.row.symbol ? -1 : 1));
  for (const trade of smallestFirst) {
    if (excess <= 0) break;
    const cut = Math.min(trade.units, Math.ceil(excess / trade.unitPrice - 1e-9));
    if (cut <= 0) continue;
    trade.units -= cut;
    excess -= cut * trade.unitPrice;
    trade.candidate.cutBy.push('budget');
    dropped?.push({
      symbol: trade.candidate.row.symbol,
      side: trade.candidate.side,
      constraint: 'budget',
      effect: trade.units === 0 ? 'dropped' : 'cut',
      detail: `share rounding went ${money(total - budget)} over the budget of ${money(budget)}; smallest trades adjusted down`,
    });
  }
}
