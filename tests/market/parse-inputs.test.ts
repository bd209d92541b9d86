import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseHoldings } from '../../src/market/parse-holdings.js';
import { parsePricePanel } from '../../src/market/parse-price-panel.js';
import { snapshotForHoldings } from '../../src/market/snapshot-for-holdings.js';

function problems(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('expected an InputError');
}

const PRICES = `date,KO,PG
2000-06-28,55.00,56.00
2000-06-29,55.50,
2000-06-30,56.67,55.52
`;

describe('parsePricePanel', () => {
  it('should read dates, symbols and closes, keeping empty cells as missing', () => {
    const panel = parsePricePanel('prices.csv', PRICES);
    expect(panel.symbols).toEqual(['KO', 'PG']);
    expect(panel.dates).toEqual(['2000-06-28', '2000-06-29', '2000-06-30']);
    expect(Number.isNaN(panel.closes.get('PG')![1])).toBe(true);
  });

  it('should report every bad price and date with its row and column', () => {
    const text = 'date,KO,PG\n2000-06-28,55,abc\n2000-06-30,0,56\n2000-06-29,55,56\n2000-06-29,55,56\nJune 30,55,56\n';
    expect(problems(() => parsePricePanel('prices.csv', text))).toMatchObject([
      { file: 'prices.csv', row: 2, column: 'PG', message: expect.stringMatching(/"abc" is not a plain decimal number/) },
      { file: 'prices.csv', row: 3, column: 'KO', message: expect.stringMatching(/"0" must be a positive number/) },
      { file: 'prices.csv', row: 4, column: 'date', message: expect.stringMatching(/dates out of order/) },
      { file: 'prices.csv', row: 5, column: 'date', message: expect.stringMatching(/duplicate date/) },
      { file: 'prices.csv', row: 6, column: 'date', message: expect.stringMatching(/not a calendar date/) },
    ]);
  });
});

describe('parseHoldings and snapshotForHoldings', () => {
  it('should read positions and a CASH row', () => {
    const holdings = parseHoldings('h.csv', 'symbol,quantity,average_cost,opened_date\nKO,10,50,2000-06-01\nCASH,1000,,\n');
    expect(holdings.holdings).toEqual({ cash: 1000, positions: [{ symbol: 'KO', quantity: 10, averageCost: 50, openedDate: '2000-06-01' }] });
  });

  it('should report bad rows with their line numbers', () => {
    const text = 'symbol,quantity,average_cost,opened_date\nKO,-1,50,2000-06-01\nPG,5,x,2000-13-45\nKO,1,1,2000-06-01\n';
    expect(problems(() => parseHoldings('h.csv', text))).toMatchObject([
      { row: 2, column: 'quantity' },
      { row: 3, column: 'average_cost' },
      { row: 3, column: 'opened_date' },
      { row: 4, column: 'symbol', message: expect.stringMatching(/already held at row 2/) },
    ]);
  });

  it('should name the holdings row of a symbol missing from the prices or unpriced on the as-of date', () => {
    const panel = parsePricePanel('prices.csv', PRICES);
    const holdings = parseHoldings('h.csv', 'symbol,quantity,average_cost,opened_date\nKO,1,50,2000-06-01\nPG,1,50,2000-06-01\nXOM,1,50,2000-06-01\n');
    expect(problems(() => snapshotForHoldings(panel, holdings, '2000-06-29'))).toMatchObject([
      { file: 'h.csv', row: 3, message: 'PG has no price on 2000-06-29 (prices.csv row 3)' },
      { file: 'h.csv', row: 4, message: 'XOM is not a column of prices.csv' },
    ]);
  });

  it('should price a weekend as-of date with the last close before it', () => {
    const panel = parsePricePanel('prices.csv', PRICES);
    const holdings = parseHoldings('h.csv', 'symbol,quantity,average_cost,opened_date\nKO,1,50,2000-06-01\n');
    expect(snapshotForHoldings(panel, holdings, '2000-07-02')).toMatchObject({ date: '2000-06-30', prices: new Map([['KO', 56.67]]) });
  });
});
