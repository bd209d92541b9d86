import { describe, expect, it } from 'vitest';
import { marks } from '../../src/portfolio/marks.js';
import { twoLotsThenPartialSell } from './fixtures.js';

describe('marks', () => {
  it('should mark a held symbol at its quote', () => {
    expect(marks(twoLotsThenPartialSell(), () => 130)).toEqual(new Map([['AAA', 130]]));
  });

  it('should carry a symbol without a quote at the average cost of its lots', () => {
    expect(marks(twoLotsThenPartialSell(), () => undefined)).toEqual(new Map([['AAA', 110]]));
  });
});
