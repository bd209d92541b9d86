import { formatPct, formatSignedPp } from '../../text/numbers.js';
import type { DriftCandidate } from './plan-drift-trades.js';
import type { ResolvedRebalanceOptions } from './resolve-rebalance-options.js';

/**
 * The trader-readable reason of a rebalance trade, with the real numbers, e.g.
 * "KO at 14.2% vs 10% target (drift +4.2 pp, band 1.5 pp): sell 21 sh to target (10% after)".
 * Adds the profit-take boost with the gain, and the constraints that cut the trade.
 */
export function describeTrade(c: DriftCandidate, quantity: number, weightAfterPct: number, options: ResolvedRebalanceOptions): string {
  const { row } = c;
  const head = `${row.symbol} at ${formatPct(row.liveWeightPct)}% vs ${formatPct(row.targetWeightPct)}% target (drift ${formatSignedPp(row.driftPp)} pp, band ${formatPct(row.bandPp)} pp)`;
  const cut = c.cutBy.length > 0;
  const edge = c.side === 'sell' ? row.targetWeightPct + row.bandPp : row.targetWeightPct - row.bandPp;
  const goal = c.goal === 'target' ? `${cut ? 'toward' : 'to'} target` : `${cut ? 'toward' : 'to'} the band edge at ${formatPct(edge)}%`;
  const boost =
    c.profitTake && options.profitTake !== undefined
      ? `, +${formatPct(options.profitTake.boostPct)}% profit-take boost (up ${formatPct(row.unrealizedGainPct ?? 0)}% since entry)`
      : '';
  const cuts = `${row.breachesBand ? '' : '; inside its band, traded with the others (scope: all)'}${cut ? `; cut by ${[...new Set(c.cutBy)].join(', ')}` : ''}`;
  return `${head}: ${c.side} ${quantity} sh ${goal}${boost} (${formatPct(weightAfterPct)}% after)${cuts}`;
}
