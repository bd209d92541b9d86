import type { Holdings } from '../../portfolio/holdings.js';
import { describeTrade } from './describe-trade.js';
import { roundQuantity } from './round-quantity.js';
import { roundMoney } from '../../util/round.js';
import { measureDrift } from './measure-drift.js';
import { planDriftTrades } from './plan-drift-trades.js';
import type { RebalanceOptions } from './rebalance-options.js';
import type { DroppedTrade, RebalanceResult, RebalanceTag, RebalanceTrade } from './rebalance-result.js';
import { resolveRebalanceOptions, type ResolvedRebalanceOptions } from './resolve-rebalance-options.js';
import { sizeTrades } from './size-trades.js';
import { sizedNotional, type SizedTrade } from './sized-trade.js';

/**
 * Proposes the trades of one target-weight rebalance run (note 004 §4–§7): drift against target weights, drift
 * bands, the profit-take and tilt overlays, max trades, budget scaling, share rounding reconciled against the
 * budget, cash, min trade value and max position weight. Pure: same inputs, same output; no clock, no I/O.
 *
 * Pass the post-exit holdings when exit rules already proposed sales. Every trade dropped or cut by a constraint
 * is in `dropped`. Sells come first (they free cash, SEEDS §2), then buys in the order they were funded.
 * O(n log n) in the number of targeted symbols.
 *
 * @param holdings cash and positions in base currency and shares.
 * @param prices symbol → price in base currency, for every held and targeted symbol.
 * @param options targets, bands, budget, mode, constraints and overlays; defaults in `REBALANCE_DEFAULTS`.
 * @throws RebalanceError on invalid options (`INVALID_TARGETS`, `TARGETS_OVER_100`, `INVALID_OPTION`) or inputs
 *   (`MISSING_PRICE`, `INVALID_PRICE`, `DUPLICATE_POSITION`, `EQUITY_NOT_POSITIVE`).
 * @example
 * rebalance(holdings, prices, { targets: { weightsPct: { AA: 10, KO: 10 } }, bands: { absolutePp: 5, relativePct: 25 } })
 */
export function rebalance(holdings: Holdings, prices: ReadonlyMap<string, number>, options: RebalanceOptions): RebalanceResult {
  return rebalanceResolved(holdings, prices, resolveRebalanceOptions(options), true);
}

/**
 * {@link rebalance} with options already resolved (`resolveRebalanceOptions`), for a caller that reads them too.
 * With `listDropped` false, `dropped` is empty and no drop is put into words (a replay records none); the trades are
 * the same. Throws `RebalanceError` for inputs as {@link rebalance}.
 */
export function rebalanceResolved(holdings: Holdings, prices: ReadonlyMap<string, number>, resolved: ResolvedRebalanceOptions, listDropped: boolean): RebalanceResult {
  const snapshot = measureDrift(holdings, prices, resolved.targetsPct, resolved.absoluteBandPp, resolved.relativeBandPct);
  const { equity } = snapshot;
  const dropped: DroppedTrade[] | undefined = listDropped ? [] : undefined;
  const candidates = planDriftTrades(snapshot, resolved, dropped);
  const sized = sizeTrades(candidates, snapshot, resolved, dropped);

  const quantityChange = new Map<string, number>();
  const toTrade = (t: SizedTrade): RebalanceTrade => {
    const c = t.candidate;
    const quantity = resolved.unrounded ? t.units : roundQuantity(t.units, resolved.step);
    const signed = c.side === 'buy' ? quantity : -quantity;
    quantityChange.set(c.row.symbol, signed);
    const weightAfterPct = (((c.row.heldQuantity + signed) * c.row.price) / equity) * 100;
    const tags: RebalanceTag[] = ['drift'];
    if (c.goal === 'band_edge') tags.push('band_edge');
    if (c.profitTake) tags.push('profit_take');
    return {
      symbol: c.row.symbol,
      side: c.side,
      quantity,
      heldQuantity: c.row.heldQuantity,
      price: c.row.price,
      notional: resolved.unrounded ? sizedNotional(t) : roundMoney(sizedNotional(t)),
      liveWeightPct: c.row.liveWeightPct,
      targetWeightPct: c.row.targetWeightPct,
      driftPp: c.row.driftPp,
      weightAfterPct,
      tags,
      reason: describeTrade(c, quantity, weightAfterPct, resolved),
    };
  };
  const sells = [...sized.sells].sort((a, b) => Math.abs(b.candidate.row.driftPp) - Math.abs(a.candidate.row.driftPp)).map(toTrade);
  const trades = [...sells, ...sized.buys.map(toTrade)];

  let totalBuy = 0;
  let totalSell = 0;
  for (const t of sized.buys) totalBuy += sizedNotional(t);
  for (const t of sized.sells) totalSell += sizedNotional(t);
  let maxBefore = 0;
  let maxAfter = 0;
  for (const row of snapshot.rows) {
    maxBefore = Math.max(maxBefore, Math.abs(row.driftPp));
    const after = (((row.heldQuantity + (quantityChange.get(row.symbol) ?? 0)) * row.price) / equity) * 100;
    maxAfter = Math.max(maxAfter, Math.abs(after - row.targetWeightPct));
  }
  return {
    trades,
    dropped: dropped ?? [],
    summary: {
      equity: roundMoney(equity),
      cashBefore: roundMoney(snapshot.cash),
      cashAfter: roundMoney(sized.cashAfter),
      totalBuy: roundMoney(totalBuy),
      totalSell: roundMoney(totalSell),
      turnoverPct: ((totalBuy + totalSell) / equity) * 100,
      budget: roundMoney(sized.budget),
      budgetUsedPct: sized.budget > 0 ? (Math.max(totalBuy, totalSell) / sized.budget) * 100 : 0,
      budgetScale: sized.scale,
      maxAbsDriftBeforePp: maxBefore,
      maxAbsDriftAfterPp: maxAfter,
      tradeCount: trades.length,
    },
  };
}
