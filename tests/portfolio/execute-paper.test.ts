import { describe, expect, it } from 'vitest';
import type { Proposal } from '../../src/engine/proposal.js';
import { checkInvariants } from '../../src/portfolio/check-invariants.js';
import { executePaper } from '../../src/portfolio/execute-paper.js';
import { deepFreeze, freshAccount } from './fixtures.js';

const costs = { commissionBps: 5, commissionMin: 1, slippageBps: 10 };

describe('executePaper', () => {
  it('should fill a buy above the quote and charge bps commission (hand-computed)', () => {
    const { state, fill } = executePaper(freshAccount(), { symbol: 'AAA', side: 'buy', quantity: 100 }, 50, costs, '2025-01-02');
    // price 50 × 1.001 = 50.05; notional 5005.00; commission max(1, 5005 × 0.0005 = 2.5025) → 2.50
    expect(fill).toMatchObject({ price: 50.05, notional: 5005, commission: 2.5, slippageCost: 5, realizedPnl: -2.5 });
    expect(state).toMatchObject({ cash: 4992.5, commissionsPaid: 2.5, realizedPnl: -2.5 });
    expect(state.lots).toEqual([{ symbol: 'AAA', quantity: 100, costBasis: 5005, openedAt: '2025-01-02' }]);
  });

  it('should fill a sell below the quote and realize P&L net of commission (hand-computed)', () => {
    const bought = executePaper(freshAccount(), { symbol: 'AAA', side: 'buy', quantity: 100 }, 50, costs, '2025-01-02').state;
    const { state, fill } = executePaper(bought, { symbol: 'AAA', side: 'sell', quantity: 40 }, 60, costs, '2025-02-03');
    // price 60 × 0.999 = 59.94; notional 2397.60; commission max(1, 1.1988) → 1.20; relief 5005 × 40/100 = 2002
    expect(fill).toMatchObject({ price: 59.94, notional: 2397.6, commission: 1.2, slippageCost: 2.4, costRelieved: 2002 });
    expect(fill.realizedPnl).toBe(394.4);
    expect(state).toMatchObject({ cash: 7388.9, realizedPnl: 391.9, commissionsPaid: 3.7 });
    expect(state.lots).toMatchObject([{ quantity: 60, costBasis: 3003 }]);
    expect(checkInvariants(state, { AAA: 61 }, 0)).toEqual([]);
  });

  it('should charge the per-trade minimum when bps commission is below it', () => {
    const { fill } = executePaper(freshAccount(), { symbol: 'AAA', side: 'buy', quantity: 1 }, 60, costs, '2025-01-02');
    expect(fill.commission).toBe(1);
  });

  it('should round the commission half away from zero to cents', () => {
    // 1.00 × 50 bps = 0.005 → 0.01
    const { fill } = executePaper(freshAccount(), { symbol: 'AAA', side: 'buy', quantity: 1 }, 1, { commissionBps: 50 }, '2025-01-02');
    expect(fill).toMatchObject({ notional: 1, commission: 0.01 });
  });

  it('should charge nothing with default costs', () => {
    const { fill } = executePaper(freshAccount(), { symbol: 'AAA', side: 'buy', quantity: 3 }, 10.1, undefined, '2025-01-02');
    expect(fill).toMatchObject({ price: 10.1, notional: 30.3, commission: 0, slippageCost: 0, realizedPnl: 0 });
  });

  it('should take a Proposal as the order', () => {
    const proposal: Proposal = {
      policyId: 'core', kind: 'entry', action: 'buy', ruleId: 'custom:entry', symbol: 'AAA', side: 'buy',
      quantity: 2, price: 10, notional: 20, weightBeforePct: 0, weightAfterPct: 0.2, reason: 'new position', alsoFired: [], tags: [],
    };
    expect(executePaper(freshAccount(), proposal, 10.5, {}, '2025-01-02').fill).toMatchObject({ symbol: 'AAA', quantity: 2, notional: 21 });
  });

  it('should refuse a buy the cash cannot pay for, commission included, and leave the state as it was', () => {
    const state = deepFreeze(freshAccount(1000));
    expect(() => executePaper(state, { symbol: 'AAA', side: 'buy', quantity: 10 }, 100, { commissionMin: 0.01 }, '2025-01-02')).toThrow(
      expect.objectContaining({ code: 'INSUFFICIENT_CASH' }),
    );
    expect(state.cash).toBe(1000);
  });

  it('should refuse to sell more than held', () => {
    const bought = executePaper(freshAccount(), { symbol: 'AAA', side: 'buy', quantity: 5 }, 10, {}, '2025-01-02').state;
    expect(() => executePaper(bought, { symbol: 'AAA', side: 'sell', quantity: 6 }, 10, {}, '2025-01-03')).toThrow(
      expect.objectContaining({ code: 'INSUFFICIENT_QUANTITY' }),
    );
  });

  it('should refuse bad costs and quotes', () => {
    const order = { symbol: 'AAA', side: 'buy' as const, quantity: 1 };
    for (const bad of [{ commissionBps: -1 }, { slippageBps: 10_000 }, { commissionMin: 0.001 }, { commissionMin: Number.NaN }]) {
      expect(() => executePaper(freshAccount(), order, 10, bad, '2025-01-02')).toThrow(expect.objectContaining({ code: 'INVALID_COSTS' }));
    }
    expect(() => executePaper(freshAccount(), order, 0, {}, '2025-01-02')).toThrow(expect.objectContaining({ code: 'INVALID_PRICE' }));
  });

  it('should stop loudly when the ledger it books into does not reconcile', () => {
    const broken = { ...freshAccount(), cash: 10_000.02 };
    expect(() => executePaper(broken, { symbol: 'AAA', side: 'buy', quantity: 1 }, 10, {}, '2025-01-02')).toThrow(
      expect.objectContaining({
        code: 'ACCOUNTING_INVARIANT',
        violations: [expect.objectContaining({ invariant: 'equity_change_equals_total_pnl', difference: 0.02 })],
      }),
    );
  });
});
