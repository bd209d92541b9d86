import { describe, expect, it } from 'vitest';
import { applyFill } from '../../src/portfolio/apply-fill.js';
import { toHoldings } from '../../src/portfolio/to-holdings.js';
import { freshAccount, twoLotsThenPartialSell } from './fixtures.js';

describe('toHoldings', () => {
  it('should give cash and one position per symbol from the open lots', () => {
    expect(toHoldings(twoLotsThenPartialSell())).toEqual({
      cash: 8595.5,
      positions: [{ symbol: 'AAA', quantity: 15, averageCost: 110, openedDate: '2025-02-03' }],
    });
  });

  it('should weight the average cost by quantity and date the position by its earliest open lot', () => {
    let state = applyFill(freshAccount(), { symbol: 'AAA', side: 'buy', quantity: 10, price: 100, at: '2025-01-02T23:30:00-05:00' });
    state = applyFill(state, { symbol: 'AAA', side: 'buy', quantity: 30, price: 120, commission: 5, at: '2025-01-10' });
    expect(toHoldings(state).positions).toEqual([
      { symbol: 'AAA', quantity: 40, averageCost: 115, openedDate: '2025-01-02' },
    ]);
  });
});
