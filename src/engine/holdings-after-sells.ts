import type { Holdings, Position } from '../portfolio/holdings.js';
import type { Proposal } from './proposal.js';

/** Positions of fewer shares than this are gone: float dust of unrounded sells, not a holding. */
const DUST_SHARES = 1e-12;

/**
 * The holdings as they would be after the given sells fill at their proposal prices: quantities reduced, fully
 * sold positions (and dust under 1e-12 share) removed, cash increased by quantity × price. Buys are ignored. This is
 * what the rebalance sees after the exit rules (exits first, so capital is freed before entries: note 002).
 * Returns `holdings` itself when nothing changes, and the positions nothing sold as they are.
 */
export function holdingsAfterSells(holdings: Holdings, proposals: readonly Proposal[]): Holdings {
  const sold = new Map<string, number>();
  let cash = holdings.cash;
  for (const p of proposals) {
    if (p.side !== 'sell') continue;
    sold.set(p.symbol, (sold.get(p.symbol) ?? 0) + p.quantity);
    cash += p.quantity * p.price;
  }
  if (sold.size === 0 && holdings.positions.every((position) => position.quantity > DUST_SHARES)) return holdings;
  const positions: Position[] = [];
  for (const position of holdings.positions) {
    const sale = sold.get(position.symbol);
    const left = sale === undefined ? position : { ...position, quantity: position.quantity - sale };
    if (left.quantity > DUST_SHARES) positions.push(left);
  }
  return { cash, positions };
}
