import { describe, expect, it } from 'vitest';
import { rebalance } from '../../../src/engine/rebalance/rebalance.js';
import type { RebalanceOptions } from '../../../src/engine/rebalance/rebalance-options.js';
import { book } from './holdings-fixture.js';

// Book A, equity 10,000 with no cash:
//   KO 71 sh × 20 = 1,420 → 14.2%   target 10 → drift +4.2 pp, band min(2, 15% × 10) = 1.5 pp → sell
//   AA 20 sh × 30 =   600 →  6%     target 10 → drift −4 pp,  band 1.5 pp                   → buy
//   XX 399 sh × 20 = 7,980 → 79.8%  target 80 → drift −0.2 pp, band min(2, 12) = 2 pp       → no trade
const bookA = (costs: { ko?: number; aa?: number } = {}) =>
  book(0, [
    ['KO', 71, 20, costs.ko],
    ['AA', 20, 30, costs.aa],
    ['XX', 399, 20],
  ]);
const targetsA = { weightsPct: { KO: 10, AA: 10, XX: 80 } };
const full = { budgetPct: 100 } as const;

describe('rebalance', () => {
  it('should trade drifted symbols back to target in whole shares (note 004 §4.1, §4.4)', () => {
    const { holdings, prices } = bookA();
    const result = rebalance(holdings, prices, { targets: targetsA, ...full });
    // KO: desired 10% × 10,000 = 1,000 → sell 420 / 20 = 21 sh → 1,000 = 10%.
    // AA: desired 1,000 → buy 400 / 30 = 13.33 → floor 13 sh = 390 → 990 = 9.9%.
    expect(result.trades).toMatchObject([
      { symbol: 'KO', side: 'sell', quantity: 21, price: 20, notional: 420, targetWeightPct: 10, tags: ['drift'] },
      { symbol: 'AA', side: 'buy', quantity: 13, price: 30, notional: 390, tags: ['drift'] },
    ]);
    expect(result.trades[0]?.liveWeightPct).toBeCloseTo(14.2, 10);
    expect(result.trades[0]?.driftPp).toBeCloseTo(4.2, 10);
    expect(result.trades[0]?.weightAfterPct).toBeCloseTo(10, 10);
    expect(result.trades[1]?.weightAfterPct).toBeCloseTo(9.9, 10);
    expect(result.trades[0]?.reason).toBe('KO at 14.2% vs 10% target (drift +4.2 pp, band 1.5 pp): sell 21 sh to target (10% after)');
    expect(result.dropped).toEqual([]);
    // Cash 0 + 420 − 390 = 30; turnover two-way (420 + 390) / 10,000 = 8.1%; budget 10,000, used 420 / 10,000 = 4.2%.
    expect(result.summary).toMatchObject({ equity: 10000, cashBefore: 0, cashAfter: 30, totalBuy: 390, totalSell: 420, budget: 10000, budgetScale: 1, tradeCount: 2 });
    expect(result.summary.turnoverPct).toBeCloseTo(8.1, 10);
    expect(result.summary.budgetUsedPct).toBeCloseTo(4.2, 10);
    expect(result.summary.maxAbsDriftBeforePp).toBeCloseTo(4.2, 10);
    expect(result.summary.maxAbsDriftAfterPp).toBeCloseTo(0.2, 10); // XX still at −0.2; AA at −0.1
  });

  it('should trade exactly at the band edge and not just inside it (note 004 §4.2)', () => {
    // KO 115 × 10 = 1,150 of 10,000 = 11.5% vs 10 → drift 1.5 = band 1.5 → sell 150 / 10 = 15 sh.
    const edge = book(8850, [['KO', 115, 10]]);
    expect(rebalance(edge.holdings, edge.prices, { targets: { weightsPct: { KO: 10 } }, ...full }).trades).toMatchObject([{ symbol: 'KO', side: 'sell', quantity: 15 }]);
    // KO 1,149 × 1 = 1,149 → 11.49% → drift 1.49 < 1.5 → no trade.
    const inside = book(8851, [['KO', 1149, 1]]);
    expect(rebalance(inside.holdings, inside.prices, { targets: { weightsPct: { KO: 10 } }, ...full }).trades).toEqual([]);
  });

  it('should trade when either band is breached', () => {
    // KO 11.6% vs 10: drift 1.6 < 2 pp absolute but ≥ 1.5 relative → trade.
    // XX 77.9% vs 80: drift −2.1 < 12 relative but ≥ 2 absolute → trade.
    // YY 10.5% vs 10: drift 0.5, inside both → no trade.
    const b = book(0, [['KO', 116, 10], ['XX', 779, 10], ['YY', 105, 10]]);
    const result = rebalance(b.holdings, b.prices, { targets: { weightsPct: { KO: 10, XX: 80, YY: 10 } }, ...full });
    expect(result.trades.map((t) => [t.symbol, t.side, t.quantity])).toEqual([
      ['KO', 'sell', 16],
      ['XX', 'buy', 16], // cash from KO's 160 buys 16 of the 21 sh needed
    ]);
    expect(result.dropped).toMatchObject([{ symbol: 'XX', constraint: 'cash', effect: 'cut' }]);
  });

  it('should apply the 5/25 rule', () => {
    // Target 10 → band min(5, 2.5) = 2.5: KO at 12.5 trades, AA at 12.4 does not.
    // Target 40 → band min(5, 10) = 5: XX at 35 trades (drift −5), YY at 35.1 does not.
    const b = book(0, [['KO', 125, 10], ['AA', 124, 10], ['XX', 350, 10], ['YY', 351, 10]]);
    const options: RebalanceOptions = { targets: { weightsPct: { KO: 10, AA: 10, XX: 40, YY: 40 } }, bands: { absolutePp: 5, relativePct: 25 }, ...full };
    // Equity = 1,250 + 1,240 + 3,500 + 3,510 = 9,500; so scale the book to 10,000 with 500 cash.
    const result = rebalance({ ...b.holdings, cash: 500 }, b.prices, options);
    expect(result.trades.map((t) => t.symbol).sort()).toEqual(['KO', 'XX']);
    expect(result.trades.find((t) => t.symbol === 'XX')).toMatchObject({ side: 'buy', quantity: 50 }); // 500 / 10
  });

  it('should scale every trade by min(1, budget / max(total buy, total sell)) (note 004 §4.3)', () => {
    // Cash 300, AA 100 × 10 = 1,000 (10%), BB 40 × 10 = 400 (4%), CC 830 × 10 = 8,300 (83%); equity 10,000.
    // AA target 4 → sell 600; BB target 13 → buy 900; CC on target. Budget 450 → scale 450 / 900 = 0.5.
    // AA sells 300 = 30 sh; BB buys 450 = 45 sh; cash 300 + 300 − 450 = 150.
    const b = book(300, [['AA', 100, 10], ['BB', 40, 10], ['CC', 830, 10]]);
    const result = rebalance(b.holdings, b.prices, { targets: { weightsPct: { AA: 4, BB: 13, CC: 83 } }, budgetAmount: 450 });
    expect(result.trades).toMatchObject([
      { symbol: 'AA', side: 'sell', quantity: 30 },
      { symbol: 'BB', side: 'buy', quantity: 45 },
    ]);
    expect(result.trades[1]?.reason).toContain('toward target');
    expect(result.dropped).toMatchObject([
      { symbol: 'AA', constraint: 'budget', effect: 'cut' },
      { symbol: 'BB', constraint: 'budget', effect: 'cut' },
    ]);
    expect(result.summary).toMatchObject({ budget: 450, budgetScale: 0.5, cashAfter: 150, budgetUsedPct: 100 });
  });

  it('should round a trade under one share up to one share from half a share, else drop it (note 004 §4.4)', () => {
    // Equity 10,000 cash. AA target 0.18% → buy 18 at 30 = 0.6 sh → 1 sh.
    // BB target 0.18% → buy 18 at 40 = 0.45 sh → rounds_to_zero.
    const b = book(10000, [['AA', 0, 30], ['BB', 0, 40]]);
    const result = rebalance(b.holdings, b.prices, { targets: { weightsPct: { AA: 0.18, BB: 0.18 } } });
    expect(result.trades).toMatchObject([{ symbol: 'AA', side: 'buy', quantity: 1, notional: 30 }]);
    expect(result.dropped).toMatchObject([{ symbol: 'BB', side: 'buy', constraint: 'rounds_to_zero', effect: 'dropped' }]);
  });

  it('should adjust the smallest trades down when rounding passes the budget (note 004 §4.4)', () => {
    // Budget 50. AA wants 18 at 30 (0.6 sh → 1 sh = 30); BB wants 30 at 25 (1.2 sh → 1 sh = 25).
    // Σ values 48 ≤ 50 so scale 1, but after rounding 30 + 25 = 55 > 50: the smallest, BB, loses its share.
    const b = book(10000, [['AA', 0, 30], ['BB', 0, 25]]);
    const result = rebalance(b.holdings, b.prices, { targets: { weightsPct: { AA: 0.18, BB: 0.3 } }, budgetAmount: 50 });
    expect(result.trades).toMatchObject([{ symbol: 'AA', quantity: 1 }]);
    expect(result.dropped).toMatchObject([{ symbol: 'BB', constraint: 'budget', effect: 'dropped' }]);
    expect(result.summary.totalBuy).toBe(30);
  });

  it('should trade only to the nearest edge of the tightest band with to: band_edge', () => {
    const { holdings, prices } = bookA();
    const result = rebalance(holdings, prices, { targets: targetsA, to: 'band_edge', ...full });
    // KO: edge 10 + 1.5 = 11.5% → 1,150; sell 270 / 20 = 13.5 → 13 sh → 1,160 = 11.6%.
    // AA: edge 10 − 1.5 = 8.5% → 850; buy 250 / 30 = 8.33 → 8 sh → 840 = 8.4%.
    expect(result.trades).toMatchObject([
      { symbol: 'KO', side: 'sell', quantity: 13, tags: ['drift', 'band_edge'] },
      { symbol: 'AA', side: 'buy', quantity: 8, tags: ['drift', 'band_edge'] },
    ]);
    expect(result.trades[0]?.weightAfterPct).toBeCloseTo(11.6, 10);
    expect(result.trades[0]?.reason).toContain('to the band edge at 11.5%');
  });

  it('should put cash into the most underweight names first and never sell in buy_only mode', () => {
    // Cash 500; AA 6% (−4 pp), BB 4% (−6 pp), KO 14.2% (+4.2 pp), XX 70.8% (+0.8, inside its 2 pp band).
    // BB needs 600 > 500 → 50 sh; AA gets nothing left; KO would sell but buy_only forbids it.
    const b = book(500, [['AA', 60, 10], ['BB', 40, 10], ['KO', 142, 10], ['XX', 708, 10]]);
    const result = rebalance(b.holdings, b.prices, { targets: { weightsPct: { AA: 10, BB: 10, KO: 10, XX: 70 } }, mode: 'buy_only', ...full });
    expect(result.trades).toMatchObject([{ symbol: 'BB', side: 'buy', quantity: 50 }]);
    expect(result.dropped).toMatchObject([
      { symbol: 'KO', side: 'sell', constraint: 'buy_only', effect: 'dropped' },
      { symbol: 'BB', constraint: 'cash', effect: 'cut' },
      { symbol: 'AA', constraint: 'cash', effect: 'dropped' },
    ]);
    expect(result.summary.cashAfter).toBe(0);
  });

  it('should keep the largest |drift| first under max_trades', () => {
    const { holdings, prices } = bookA();
    const result = rebalance(holdings, prices, { targets: targetsA, maxTrades: 1, ...full });
    expect(result.trades).toMatchObject([{ symbol: 'KO', side: 'sell' }]); // |4.2| > |−4|
    expect(result.dropped).toMatchObject([{ symbol: 'AA', constraint: 'max_trades', effect: 'dropped' }]);
  });

  it('should drop trades under min_trade_value', () => {
    const { holdings, prices } = bookA();
    const result = rebalance(holdings, prices, { targets: targetsA, minTradeValue: 400, ...full });
    // KO sells 420 ≥ 400; AA buys 390 < 400 → dropped.
    expect(result.trades).toMatchObject([{ symbol: 'KO', notional: 420 }]);
    expect(result.dropped).toMatchObject([{ symbol: 'AA', constraint: 'min_trade_value', effect: 'dropped' }]);
  });

  it('should cap buys at the max position weight', () => {
    // AA target 10 but max weight 8%: buy to 800 → 200 / 30 = 6.67 → 6 sh.
    const { holdings, prices } = bookA();
    const result = rebalance(holdings, prices, { targets: targetsA, maxPositionWeightPct: 8, ...full });
    expect(result.trades.find((t) => t.symbol === 'AA')).toMatchObject({ quantity: 6 });
    expect(result.dropped).toMatchObject([{ symbol: 'AA', constraint: 'max_position_weight', effect: 'cut' }]);
  });

  it('should honour the no_buy and no_sell lists', () => {
    const { holdings, prices } = bookA();
    const result = rebalance(holdings, prices, { targets: targetsA, noBuy: ['AA'], noSell: ['KO'], ...full });
    expect(result.trades).toEqual([]);
    expect(result.dropped).toMatchObject([
      { symbol: 'KO', side: 'sell', constraint: 'no_sell' },
      { symbol: 'AA', side: 'buy', constraint: 'no_buy' },
    ]);
  });

  it('should boost sells of winners above target, capped at the lower band edge (note 004 §5.1)', () => {
    // KO bought at 10, now 20: gain 100% ≥ 20%. Drift sell 420 × 1.2 = 504 → 25.2 → 25 sh → 920 = 9.2%.
    const { holdings, prices } = bookA({ ko: 10 });
    const boosted = rebalance(holdings, prices, { targets: targetsA, profitTake: { gainPct: 20, boostPct: 20 }, ...full });
    expect(boosted.trades[0]).toMatchObject({ symbol: 'KO', quantity: 25, tags: ['drift', 'profit_take'] });
    expect(boosted.trades[0]?.reason).toContain('+20% profit-take boost (up 100% since entry)');
    // Boost 100%: 840 > cap 1,420 − 8.5% × 10,000 = 570 → 28.5 → 28 sh → 860 = 8.6% (not below 8.5%).
    const capped = rebalance(holdings, prices, { targets: targetsA, profitTake: { gainPct: 20, boostPct: 100 }, ...full });
    expect(capped.trades[0]).toMatchObject({ symbol: 'KO', quantity: 28 });
    // A gain under the threshold gets no boost.
    const small = rebalance(holdings, prices, { targets: targetsA, profitTake: { gainPct: 150, boostPct: 20 }, ...full });
    expect(small.trades[0]).toMatchObject({ symbol: 'KO', quantity: 21, tags: ['drift'] });
  });

  it('should skip loser buys and trim winners only to the band edge with the momentum tilt (note 004 §5.2)', () => {
    // KO winner (cost 10 < 20) → band edge: 13 sh as above. AA loser (cost 40 > 30) → buy dropped.
    const { holdings, prices } = bookA({ ko: 10, aa: 40 });
    const result = rebalance(holdings, prices, { targets: targetsA, tilt: 'momentum', ...full });
    expect(result.trades).toMatchObject([{ symbol: 'KO', quantity: 13, tags: ['drift', 'band_edge'] }]);
    expect(result.dropped).toMatchObject([{ symbol: 'AA', constraint: 'tilt', effect: 'dropped' }]);
  });

  it('should trade winners and losers to target and fund loser buys first with the mean_reversion tilt', () => {
    // to: band_edge, but KO (winner) sells to target 21 sh and AA (loser) buys to target 13 sh.
    const { holdings, prices } = bookA({ ko: 10, aa: 40 });
    const result = rebalance(holdings, prices, { targets: targetsA, tilt: 'mean_reversion', to: 'band_edge', ...full });
    expect(result.trades).toMatchObject([
      { symbol: 'KO', quantity: 21, tags: ['drift'] },
      { symbol: 'AA', quantity: 13, tags: ['drift'] },
    ]);
    // Cash 300, XX 8,700 untargeted; AA (−4 pp, loser) is funded before BB (−6 pp, not a loser): 300 / 10 = 30 sh.
    const b = book(300, [['AA', 60, 10, 12], ['BB', 40, 10], ['XX', 870, 10]]);
    const r = rebalance(b.holdings, b.prices, { targets: { weightsPct: { AA: 10, BB: 10 } }, tilt: 'mean_reversion', ...full });
    expect(r.trades).toMatchObject([{ symbol: 'AA', quantity: 30 }]);
    expect(r.dropped).toMatchObject([{ symbol: 'AA', constraint: 'cash' }, { symbol: 'BB', constraint: 'cash', effect: 'dropped' }]);
  });

  it('should keep the cash target as a reserve that buys do not spend', () => {
    // Cash 1,000 with a 5% cash target of 10,000 = 500 reserve (XX 8,500 untargeted): AA (target 15, at 5%)
    // needs 1,000 but can buy only 500 = 50 sh.
    const b = book(1000, [['AA', 50, 10], ['XX', 850, 10]]);
    const result = rebalance(b.holdings, b.prices, { targets: { weightsPct: { AA: 15 } }, cashTargetPct: 5, ...full });
    expect(result.trades).toMatchObject([{ symbol: 'AA', quantity: 50 }]);
    expect(result.summary.cashAfter).toBe(500);
  });

  it('should trade in fractional steps when asked', () => {
    // AA buys 400 / 30 = 13.333 sh at step 0.001 = 399.99; cash 0 + 420 − 399.99 = 20.01.
    const { holdings, prices } = bookA();
    const result = rebalance(holdings, prices, { targets: targetsA, fractionalStep: 0.001, ...full });
    expect(result.trades.find((t) => t.symbol === 'AA')).toMatchObject({ quantity: 13.333, notional: 399.99 });
    expect(result.summary.cashAfter).toBe(20.01);
  });

  it('should sell a zero target entirely and leave untargeted positions alone', () => {
    const b = book(0, [['AA', 10, 30], ['OLD', 5, 10], ['XX', 100, 10]]);
    const result = rebalance(b.holdings, b.prices, { targets: { weightsPct: { AA: 0, XX: 70 } }, ...full });
    expect(result.trades.find((t) => t.symbol === 'AA')).toMatchObject({ side: 'sell', quantity: 10 });
    expect(result.trades.some((t) => t.symbol === 'OLD')).toBe(false);
  });

  it('should throw MISSING_PRICE naming every symbol without a price', () => {
    const b = book(100, [['AA', 10, 30]]);
    expect(() => rebalance(b.holdings, new Map(), { targets: { weightsPct: { AA: 10, KO: 5 } } })).toThrow(
      expect.objectContaining({ code: 'MISSING_PRICE', context: { symbols: ['AA', 'KO'] } }),
    );
  });
});
