import { formatPct, money } from '../../text/numbers.js';
import { roundQuantity } from './round-quantity.js';
import type { DriftSnapshot } from './measure-drift.js';
import type { DriftCandidate } from './plan-drift-trades.js';
import { reconcileToBudget } from './reconcile-to-budget.js';
import type { DroppedTrade } from './rebalance-result.js';
import type { ResolvedRebalanceOptions } from './resolve-rebalance-options.js';
import { sizedNotional, type SizedTrade } from './sized-trade.js';

/** Sized sells and buys (buys in funding order), the budget in base currency, the §4.3 scale and cash after. */
export interface SizingOutcome {
  readonly sells: readonly SizedTrade[];
  readonly buys: readonly SizedTrade[];
  readonly budget: number;
  readonly scale: number;
  readonly cashAfter: number;
}

/** Unrounded buys may pass the cash left by this share of equity: float dust of a full rebalance, not a real shortfall. */
const NEGLIGIBLE_OVERSHOOT = 1e-12;

/** Float slack when flooring value / unit price, so 3 × 33.3 / 33.3 = 2.9999999999 still gives 3 units. */
const UNIT_EPSILON = 1e-9;

/** Funding order for buys: mean-reversion loser buys first, then most underweight (most negative drift), then symbol. */
function byFundingOrder(a: SizedTrade, b: SizedTrade): number {
  const x = a.candidate;
  const y = b.candidate;
  if (x.fundFirst !== y.fundFirst) return x.fundFirst ? -1 : 1;
  return x.row.driftPp - y.row.driftPp || (x.row.symbol < y.row.symbol ? -1 : x.row.symbol > y.row.symbol ? 1 : 0);
}

/** Notes a cut on the candidate, and lists the drop or cut with its words when drops are listed. */
function drop(dropped: DroppedTrade[] | undefined, c: DriftCandidate, constraint: DroppedTrade['constraint'], effect: DroppedTrade['effect'], detail: () => string): void {
  if (effect === 'cut') c.cutBy.push(constraint);
  dropped?.push({ symbol: c.row.symbol, side: c.side, constraint, effect, detail: detail() });
}

/**
 * Whole-share (or step) quantity of one candidate (note 004 §4.4): floor(value / unit price); a trade worth less
 * than one unit but at least half of one rounds up to one unit (the note's "qty ≥ 1" for buys, applied to both
 * sides); sells never exceed the units held; buys never exceed the max position weight. 0 = dropped.
 */
function toUnits(c: DriftCandidate, step: number, equity: number, options: ResolvedRebalanceOptions, dropped: DroppedTrade[] | undefined): SizedTrade {
  const unitPrice = c.row.price * step;
  if (options.unrounded) return { candidate: c, unitPrice, units: c.side === 'sell' ? Math.min(c.value / unitPrice, c.row.heldQuantity) : c.value / unitPrice };
  let units = Math.floor(c.value / unitPrice + UNIT_EPSILON);
  if (units === 0 && c.value >= unitPrice / 2) units = 1;
  if (c.side === 'sell') {
    let heldUnits = Math.floor(c.row.heldQuantity / step + UNIT_EPSILON);
    if (roundQuantity(heldUnits, step) > c.row.heldQuantity) heldUnits -= 1; // the epsilon must never sell more than is held
    units = Math.min(units, heldUnits);
  } else {
    const room = (options.maxPositionWeightPct / 100) * equity - c.row.value;
    const roomUnits = Math.max(0, Math.floor(room / unitPrice + UNIT_EPSILON));
    if (units > roomUnits) {
      units = roomUnits;
      drop(dropped, c, 'max_position_weight', units === 0 ? 'dropped' : 'cut', () => `rounding up would pass the ${formatPct(options.maxPositionWeightPct)}% max position weight`);
      return { candidate: c, unitPrice, units };
    }
  }
  if (units === 0) {
    drop(dropped, c, 'rounds_to_zero', 'dropped', () => `worth ${money(c.value)}, under half a ${step === 1 ? 'share' : `${step}-share step`} at ${money(unitPrice)}${c.side === 'sell' ? ' or more than is held' : ''}`);
  }
  return { candidate: c, unitPrice, units };
}

/**
 * Sizes planned drift trades (note 004 §4.3–4.4, §7), in this order: budget scaling by
 * min(1, budget / max(total buy, total sell)); share rounding; reconciliation of each side against the budget
 * (smallest trades down); min_trade_value on sells; then buys in funding order against the cash available after
 * sells minus the cash target reserve (never negative cash), each buy also held to min_trade_value.
 * Appends every drop or cut to `dropped` (when given).
 */
export function sizeTrades(candidates: readonly DriftCandidate[], snapshot: DriftSnapshot, options: ResolvedRebalanceOptions, dropped: DroppedTrade[] | undefined): SizingOutcome {
  const { equity } = snapshot;
  const budget = options.budget.kind === 'pct' ? (options.budget.value / 100) * equity : options.budget.value;
  let totalBuy = 0;
  let totalSell = 0;
  for (const c of candidates) {
    if (c.side === 'buy') totalBuy += c.value;
    else totalSell += c.value;
  }
  const largestSide = Math.max(totalBuy, totalSell);
  const scale = largestSide > 0 ? Math.min(1, budget / largestSide) : 1;
  const sells: SizedTrade[] = [];
  const buys: SizedTrade[] = [];
  for (const c of candidates) {
    if (scale < 1) {
      const detail = (): string => `scaled by ${scale.toFixed(4)} to fit the budget of ${money(budget)} (largest side ${money(largestSide)}, note 004 §4.3)`;
      if (scale === 0) {
        drop(dropped, c, 'budget', 'dropped', detail);
        continue;
      }
      c.value *= scale;
      drop(dropped, c, 'budget', 'cut', detail);
    }
    const sized = toUnits(c, options.step, equity, options, dropped);
    if (sized.units > 0) (c.side === 'buy' ? buys : sells).push(sized);
  }
  if (!options.unrounded) {
    reconcileToBudget(sells, budget, dropped);
    reconcileToBudget(buys, budget, dropped);
  }

  let proceeds = 0;
  const keptSells: SizedTrade[] = [];
  for (const sell of sells) {
    if (sell.units === 0) continue;
    const notional = sizedNotional(sell);
    if (notional < options.minTradeValue) {
      drop(dropped, sell.candidate, 'min_trade_value', 'dropped', () => `notional ${money(notional)} is below min_trade_value ${money(options.minTradeValue)}`);
      continue;
    }
    proceeds += notional;
    keptSells.push(sell);
  }

  const reserve = (options.cashTargetPct / 100) * equity;
  let available = Math.max(0, snapshot.cash + proceeds - reserve);
  let spent = 0;
  const keptBuys: SizedTrade[] = [];
  for (const buy of buys.filter((b) => b.units > 0).sort(byFundingOrder)) {
    if (sizedNotional(buy) > available + (options.unrounded ? equity * NEGLIGIBLE_OVERSHOOT : 0)) {
      let affordable = options.unrounded ? available / buy.unitPrice : Math.floor(available / buy.unitPrice);
      while (!options.unrounded && affordable > 0 && affordable * buy.unitPrice > available) affordable -= 1;
      buy.units = affordable;
      drop(dropped, buy.candidate, 'cash', affordable === 0 ? 'dropped' : 'cut', () => `only ${money(available)} cash left for buys after sells${reserve > 0 ? ` and the ${formatPct(options.cashTargetPct)}% cash target` : ''}`);
      if (affordable === 0) continue;
    }
    const notional = sizedNotional(buy);
    if (notional < options.minTradeValue) {
      drop(dropped, buy.candidate, 'min_trade_value', 'dropped', () => `notional ${money(notional)} is below min_trade_value ${money(options.minTradeValue)}`);
      continue;
    }
    available -= notional;
    spent += notional;
    keptBuys.push(buy);
  }
  return { sells: keptSells, buys: keptBuys, budget, scale, cashAfter: snapshot.cash + proceeds - spent };
}
