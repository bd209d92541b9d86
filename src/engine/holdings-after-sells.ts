import type { Holdings } from '../portfolio/holdings.js';
import type { Proposal } from './proposal.js';

/**
 * The holdings as they would be after the given sells fill at their proposal prices: quantities reduced, fully
 * sold positions removed, cash increased by quantity × price. Buys are ignored. This is what the rebalance sees
 * after the exit rules (exits first, so capital is freed before entries: note 002).
 */
export function holdingsAfterSells(holdings: Holdings, proposals: readonly Proposal[]): Holdings {
  const sold = new Map<string, number>();
  let cash = holdings.cash;
  for (const p of proposals) {
    if (p.side !== 'sell') continue;
    sold.set(p.symbol, (sold.get(p.symbol) ?? 0) + p.quantity);
    cash += p.quantity * p.price;
  }
  const positions = holdings.positions
    .map((position) => ({ ...position, quantity: position.quantity - (sold.get(position.symbol) ?? 0) }))
    .filter((position) => position.quantity > 1e-12);
  return { cash, positions };
}
