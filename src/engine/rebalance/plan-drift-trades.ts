import type { Side } from '../proposal.js';
import { formatPct, money } from '../../text/numbers.js';
import type { DriftSnapshot, SymbolDrift } from './measure-drift.js';
import type { RebalanceGoal } from './rebalance-options.js';
import type { DroppedTrade, RebalanceConstraint } from './rebalance-result.js';
import type { ResolvedRebalanceOptions } from './resolve-rebalance-options.js';

/**
 * A drift trade before sizing in shares: `value` is its desired size in base currency (> 0), `goal` how far it
 * goes, `fundFirst` marks mean-reversion buys of losers, `cutBy` the constraints that have reduced it so far.
 */
export interface DriftCandidate {
  readonly row: SymbolDrift;
  readonly side: Side;
  readonly goal: RebalanceGoal;
  readonly fundFirst: boolean;
  value: number;
  profitTake: boolean;
  readonly cutBy: RebalanceConstraint[];
}

/** Trade values below this share of equity are treated as zero (float noise, not a trade). */
const NEGLIGIBLE_SHARE_OF_EQUITY = 1e-12;

/**
 * Orders candidates for max_trades: mean-reversion loser buys first, then largest |drift|, then symbol.
 * O(n log n).
 */
export function byDriftPriority(a: DriftCandidate, b: DriftCandidate): number {
  if (a.fundFirst !== b.fundFirst) return a.fundFirst ? -1 : 1;
  const bySize = Math.abs(b.row.driftPp) - Math.abs(a.row.driftPp);
  if (bySize !== 0) return bySize;
  return a.row.symbol < b.row.symbol ? -1 : a.row.symbol > b.row.symbol ? 1 : 0;
}

function goalFor(row: SymbolDrift, side: Side, options: ResolvedRebalanceOptions): RebalanceGoal {
  const gain = row.unrealizedGainPct;
  const overweightWinner = side === 'sell' && gain !== undefined && gain > 0;
  const underweightLoser = side === 'buy' && gain !== undefined && gain < 0;
  if (options.tilt === 'momentum' && overweightWinner) return 'band_edge';
  if (options.tilt === 'mean_reversion' && (overweightWinner || underweightLoser)) return 'target';
  return options.to;
}

function listDrop(row: SymbolDrift, side: Side, options: ResolvedRebalanceOptions): { constraint: RebalanceConstraint; detail: string } | undefined {
  if (side === 'sell' && options.mode === 'buy_only') return { constraint: 'buy_only', detail: 'mode buy_only never sells' };
  if (side === 'sell' && options.noSell.has(row.symbol)) return { constraint: 'no_sell', detail: `${row.symbol} is on the no_sell list` };
  if (side === 'buy' && options.noBuy.has(row.symbol)) return { constraint: 'no_buy', detail: `${row.symbol} is on the no_buy list` };
  const gain = row.unrealizedGainPct;
  if (side === 'buy' && options.tilt === 'momentum' && gain !== undefined && gain < 0) {
    return { constraint: 'tilt', detail: `momentum tilt skips buys of losers (${formatPct(gain)}% since entry)` };
  }
  return undefined;
}

/**
 * Computes the drift trades of note 004 §4.1–4.2 and applies, in this order, the list and mode filters
 * (buy_only, no_sell, no_buy, momentum tilt), the profit-take overlay (§5.1), the max position weight cap on buys
 * and max_trades (§7). Appends every drop or cut to `dropped` (when given: a replay lists none). Budget, rounding and
 * cash come later (sizeTrades).
 */
export function planDriftTrades(snapshot: DriftSnapshot, options: ResolvedRebalanceOptions, dropped: DroppedTrade[] | undefined): DriftCandidate[] {
  const { equity } = snapshot;
  const negligible = equity * NEGLIGIBLE_SHARE_OF_EQUITY;
  let candidates: DriftCandidate[] = [];
  const everyTarget = options.scope === 'all' && snapshot.rows.some((row) => row.breachesBand);
  for (const row of snapshot.rows) {
    if (!row.breachesBand && !everyTarget) continue;
    const side: Side = row.driftPp > 0 ? 'sell' : 'buy';
    const goal = row.breachesBand ? goalFor(row, side, options) : 'target';
    const edgePct = side === 'sell' ? row.targetWeightPct + row.bandPp : row.targetWeightPct - row.bandPp;
    const desiredValue = ((goal === 'target' ? row.targetWeightPct : edgePct) / 100) * equity;
    const value = Math.abs(desiredValue - row.value);
    if (value <= negligible) continue;
    const drop = listDrop(row, side, options);
    if (drop !== undefined) {
      dropped?.push({ symbol: row.symbol, side, effect: 'dropped', ...drop });
      continue;
    }
    const gain = row.unrealizedGainPct;
    const candidate: DriftCandidate = {
      row,
      side,
      goal,
      fundFirst: options.tilt === 'mean_reversion' && side === 'buy' && gain !== undefined && gain < 0,
      value,
      profitTake: false,
      cutBy: [],
    };
    const take = options.profitTake;
    if (take !== undefined && side === 'sell' && gain !== undefined && gain >= take.gainPct) {
      // Never below the lower band edge, so the boost cannot create a drift that the next run would buy back.
      const floorValue = (Math.max(0, row.targetWeightPct - row.bandPp) / 100) * equity;
      const boosted = Math.min(value * (1 + take.boostPct / 100), row.value - floorValue);
      if (boosted > value + negligible) {
        candidate.value = boosted;
        candidate.profitTake = true;
      }
    }
    if (side === 'buy') {
      const room = (options.maxPositionWeightPct / 100) * equity - row.value;
      if (candidate.value > room) {
        const effect = room <= negligible ? 'dropped' : 'cut';
        dropped?.push({
          symbol: row.symbol,
          side,
          constraint: 'max_position_weight',
          effect,
          detail: `buy capped at the ${formatPct(options.maxPositionWeightPct)}% max position weight (room ${money(Math.max(0, room))})`,
        });
        if (effect === 'dropped') continue;
        candidate.value = room;
        candidate.cutBy.push('max_position_weight');
      }
    }
    candidates.push(candidate);
  }
  if (candidates.length > options.maxTrades) {
    candidates.sort(byDriftPriority);
    for (let rank = options.maxTrades; dropped && rank < candidates.length; rank++) {
      const c = candidates[rank] as DriftCandidate;
      dropped.push({ symbol: c.row.symbol, side: c.side, constraint: 'max_trades', effect: 'dropped', detail: `rank ${rank + 1} by |drift| (${formatPct(Math.abs(c.row.driftPp))} pp); max_trades is ${options.maxTrades}` });
    }
    candidates = candidates.slice(0, options.maxTrades);
  }
  return candidates;
}
