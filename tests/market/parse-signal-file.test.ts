import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseSignalFile } from '../../src/market/parse-signal-file.js';

describe('parseSignalFile', () => {
  it('should group rows by date, oldest first, whatever their order in the file', () => {
    const file = parseSignalFile('research.csv', 'date,symbol,weight\n2000-12-20,KO,0.3\n2000-12-01,KO,0.5\n2000-12-20,GE,-0.1\n');
    expect(file).toMatchObject({
      column: 'weight',
      dates: ['2000-12-01', '2000-12-20'],
      rows: [[{ symbol: 'KO', value: 0.5, line: 3 }], [{ symbol: 'KO', value: 0.3, line: 2 }, { symbol: 'GE', value: -0.1, line: 4 }]],
    });
  });

  it('should read a score file', () => {
    expect(parseSignalFile('s.csv', 'date,symbol,score\n2000-12-01,KO,1.5\n').column).toBe('score');
  });

  it('should report every bad row with its line', () => {
    let error: unknown;
    try {
      parseSignalFile('research.csv', 'date,symbol,weight\n2000-13-01,KO,0.3\n2000-12-01,,abc\n2000-12-01,GE,0.1\n2000-12-01,GE,0.2\n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'date'],
      [3, 'symbol'],
      [3, 'weight'],
      [5, 'symbol'],
    ]);
  });

  it('should refuse a header it does not know', () => {
    expect(() => parseSignalFile('research.csv', 'day,ticker,w\n')).toThrow(/date,symbol,weight/);
  });
});
