import { describe, expect, it } from 'vitest';
import { applyFill } from '../../src/portfolio/apply-fill.js';
import { checkInvariants } from '../../src/portfolio/check-invariants.js';
import { deepFreeze, freshAccount, twoLotsThenPartialSell } from './fixtures.js';

describe('applyFill', () => {
  it('should book a buy as a lot at its notional and expense the commission', () => {
    const state = applyFill(freshAccount(), { symbol: 'AAA', side: 'buy', quantity: 10, price: 100, commission: 1, at: '2025-01-02' });
    expect(state).toMatchObject({ cash: 8999, realizedPnl: -1, commissionsPaid: 1 });
    expect(state.lots).toEqual([{ symbol: 'AAA', quantity: 10, costBasis: 1000, openedAt: '2025-01-02' }]);
    expect(state.trades[0]).toMatchObject({ seq: 1, notional: 1000, commission: 1, costRelieved: 0, realizedPnl: -1 });
  });

  it('should relieve lots first in, first out on a partial sell (hand-computed example)', () => {
    const state = twoLotsThenPartialSell();
    // cash: 10000 − 1000 − 1 − 2200 − 2 + 1800 − 1.50
    expect(state).toMatchObject({ cash: 8595.5, realizedPnl: 245.5, commissionsPaid: 4.5 });
    expect(state.lots).toEqual([{ symbol: 'AAA', quantity: 15, costBasis: 1650, openedAt: '2025-02-03T15:00:00Z' }]);
    // 1800 − (1000 + 550) − 1.50
    expect(state.trades[2]).toMatchObject({ seq: 3, side: 'sell', notional: 1800, costRelieved: 1550, realizedPnl: 248.5 });
    expect(checkInvariants(state, { AAA: 130 }, 0)).toEqual([]);
  });

  it('should keep other symbols and later lots in their places', () => {
    let state = applyFill(freshAccount(), { symbol: 'AAA', side: 'buy', quantity: 5, price: 10, at: '2025-01-02' });
    state = applyFill(state, { symbol: 'BBB', side: 'buy', quantity: 5, price: 20, at: '2025-01-03' });
    state = applyFill(state, { symbol: 'AAA', side: 'buy', quantity: 5, price: 12, at: '2025-01-04' });
    state = applyFill(state, { symbol: 'AAA', side: 'sell', quantity: 7, price: 15, at: '2025-01-05' });
    expect(state.lots).toMatchObject([
      { symbol: 'BBB', quantity: 5, costBasis: 100 },
      { symbol: 'AAA', quantity: 3, costBasis: 36, openedAt: '2025-01-04' },
    ]);
    // 105 − (50 + 24)
    expect(state.trades.at(-1)).toMatchObject({ costRelieved: 74, realizedPnl: 31 });
  });

  it('should round pro-rata relief to cents and let the last share take what is left', () => {
    let state = applyFill(freshAccount(), { symbol: 'AAA', side: 'buy', quantity: 3, price: 33.3333, at: '2025-01-02' });
    expect(state.lots[0]?.costBasis).toBe(100);
    const relieved: number[] = [];
    for (const day of ['03', '06', '07']) {
      state = applyFill(state, { symbol: 'AAA', side: 'sell', quantity: 1, price: 40, at: `2025-01-${day}` });
      relieved.push(state.trades.at(-1)?.costRelieved ?? Number.NaN);
    }
    expect(relieved).toEqual([33.33, 33.34, 33.33]);
    expect(state.lots).toHaveLength(0);
    expect(state).toMatchObject({ realizedPnl: 20, cash: 10_020 });
  });

  it('should keep fractional quantities exact', () => {
    let state = applyFill(freshAccount(), { symbol: 'AAA', side: 'buy', quantity: 0.3, price: 100, at: '2025-01-02' });
    state = applyFill(state, { symbol: 'AAA', side: 'sell', quantity: 0.1, price: 100, at: '2025-01-02' });
    expect(state.lots[0]).toMatchObject({ quantity: 0.2, costBasis: 20 });
    state = applyFill(state, { symbol: 'AAA', side: 'sell', quantity: 0.2, price: 100, at: '2025-01-02' });
    expect(state.lots).toHaveLength(0);
  });

  it('should round the notional half away from zero exactly (1 × 1.005 → 1.01)', () => {
    const state = applyFill(freshAccount(), { symbol: 'AAA', side: 'buy', quantity: 1, price: 1.005, at: '2025-01-02' });
    expect(state.trades[0]?.notional).toBe(1.01);
  });

  it('should not mutate the state it was given', () => {
    const state = deepFreeze(twoLotsThenPartialSell());
    const next = applyFill(state, { symbol: 'AAA', side: 'sell', quantity: 15, price: 90, at: '2025-04-01' });
    expect(state.lots).toHaveLength(1);
    expect(next.lots).toHaveLength(0);
  });

  it('should refuse a buy that would make cash negative, to the cent', () => {
    const state = freshAccount(1000);
    const ok = applyFill(state, { symbol: 'AAA', side: 'buy', quantity: 10, price: 99.9, commission: 1, at: '2025-01-02' });
    expect(ok.cash).toBe(0);
    expect(() => applyFill(state, { symbol: 'AAA', side: 'buy', quantity: 10, price: 99.9, commission: 1.01, at: '2025-01-02' })).toThrow(
      expect.objectContaining({ code: 'INSUFFICIENT_CASH', context: expect.objectContaining({ cash: 1000 }) }),
    );
  });

  it('should refuse a sell whose commission exceeds cash plus proceeds', () => {
    let state = applyFill(freshAccount(1), { symbol: 'AAA', side: 'buy', quantity: 1, price: 1, at: '2025-01-02' });
    expect(state.cash).toBe(0);
    expect(() => applyFill(state, { symbol: 'AAA', side: 'sell', quantity: 1, price: 0.5, commission: 0.51, at: '2025-01-03' })).toThrow(
      expect.objectContaining({ code: 'INSUFFICIENT_CASH' }),
    );
    state = applyFill(state, { symbol: 'AAA', side: 'sell', quantity: 1, price: 0.5, commission: 0.5, at: '2025-01-03' });
    expect(state).toMatchObject({ cash: 0, realizedPnl: -1 });
  });

  it('should refuse to sell more than held, or a symbol not held', () => {
    const state = twoLotsThenPartialSell();
    expect(() => applyFill(state, { symbol: 'AAA', side: 'sell', quantity: 15.5, price: 1, at: '2025-04-01' })).toThrow(
      expect.objectContaining({ code: 'INSUFFICIENT_QUANTITY', context: expect.objectContaining({ held: 15 }) }),
    );
    expect(() => applyFill(state, { symbol: 'ZZZ', side: 'sell', quantity: 1, price: 1, at: '2025-04-01' })).toThrow(
      expect.objectContaining({ code: 'INSUFFICIENT_QUANTITY', context: expect.objectContaining({ held: 0 }) }),
    );
  });

  it('should refuse bad inputs with their codes', () => {
    const state = twoLotsThenPartialSell();
    const fill = { symbol: 'AAA', side: 'buy' as const, quantity: 1, price: 1, at: '2025-04-01' };
    expect(() => applyFill(state, { ...fill, quantity: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_QUANTITY' }));
    expect(() => applyFill(state, { ...fill, price: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_PRICE' }));
    expect(() => applyFill(state, { ...fill, commission: 0.001 })).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
    expect(() => applyFill(state, { ...fill, symbol: '' })).toThrow(expect.objectContaining({ code: 'INVALID_ORDER' }));
    expect(() => applyFill(state, { ...fill, at: '2025-03-03T14:59:59Z' })).toThrow(expect.objectContaining({ code: 'INVALID_TIME' }));
    expect(() => applyFill(state, { ...fill, at: 'yesterday' })).toThrow(expect.objectContaining({ code: 'INVALID_TIME' }));
  });
});
