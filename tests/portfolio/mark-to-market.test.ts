import { describe, expect, it } from 'vitest';
import { applyFill } from '../../src/portfolio/apply-fill.js';
import { markToMarket } from '../../src/portfolio/mark-to-market.js';
import { freshAccount, twoLotsThenPartialSell } from './fixtures.js';

describe('markToMarket', () => {
  it('should value the hand-computed example at a mark', () => {
    const valuation = markToMarket(twoLotsThenPartialSell(), { AAA: 130 });
    expect(valuation).toMatchObject({
      cash: 8595.5,
      equity: 10_545.5,
      realizedPnl: 245.5,
      unrealizedPnl: 300,
      totalPnl: 545.5,
      commissionsPaid: 4.5,
    });
    expect(valuation.positions).toHaveLength(1);
    const [position] = valuation.positions;
    expect(position).toMatchObject({ symbol: 'AAA', quantity: 15, averageCost: 110, openedDate: '2025-02-03', price: 130 });
    expect(position).toMatchObject({ costBasis: 1650, marketValue: 1950, unrealizedPnl: 300 });
    expect(position?.unrealizedPnlPct).toBeCloseTo((300 / 1650) * 100, 12);
    expect(position?.weightPct).toBeCloseTo((1950 / 10_545.5) * 100, 12);
  });

  it('should accept a Map of prices and sort positions by symbol', () => {
    let state = applyFill(freshAccount(), { symbol: 'ZZZ', side: 'buy', quantity: 1, price: 10, at: '2025-01-02' });
    state = applyFill(state, { symbol: 'AAA', side: 'buy', quantity: 2, price: 10, at: '2025-01-03' });
    const valuation = markToMarket(state, new Map([['AAA', 11], ['ZZZ', 9], ['QQQ', 1]]));
    expect(valuation.positions.map((p) => p.symbol)).toEqual(['AAA', 'ZZZ']);
    expect(valuation).toMatchObject({ unrealizedPnl: 1, equity: 10_001 });
  });

  it('should refuse to value a held symbol without a price', () => {
    expect(() => markToMarket(twoLotsThenPartialSell(), { BBB: 1 })).toThrow(
      expect.objectContaining({ code: 'MISSING_PRICE', context: { symbol: 'AAA' } }),
    );
    expect(() => markToMarket(twoLotsThenPartialSell(), { AAA: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_PRICE' }));
  });

  it('should report zero weights and percentages instead of dividing by zero', () => {
    const state = applyFill(freshAccount(1), { symbol: 'AAA', side: 'buy', quantity: 1, price: 1, at: '2025-01-02' });
    expect(markToMarket(state, { AAA: 0 }).positions[0]).toMatchObject({ marketValue: 0, weightPct: 0, unrealizedPnlPct: -100 });
  });
});
