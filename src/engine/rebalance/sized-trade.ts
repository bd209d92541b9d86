import type { DriftCandidate } from './plan-drift-trades.js';

/**
 * A drift trade sized in share units: `units` × `unitPrice` is its notional in base currency, where a unit is one
 * share step (1 share, or `fractionalStep` shares) and `unitPrice` = price × step.
 */
export interface SizedTrade {
  readonly candidate: DriftCandidate;
  readonly unitPrice: number;
  units: number;
}

/** Notional of a sized trade in base currency, unrounded. */
export function sizedNotional(trade: SizedTrade): number {
  return trade.units * trade.unitPrice;
}
