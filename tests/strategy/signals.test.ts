import { describe, expect, it } from 'vitest';
import { rankAndSelect } from '../../src/strategy/signals/rank-and-select.js';
import { weighSelection } from '../../src/strategy/signals/weigh-selection.js';
import { signalAsOf, type SignalFile } from '../../src/strategy/signals/signal-file.js';
import { InputError } from '../../src/errors.js';

const scored = [
  { symbol: 'KO', value: 0.3 },
  { symbol: 'AA', value: 0.1 },
  { symbol: 'IBM', value: 0.2 },
  { symbol: 'BA', value: 0.1 },
  { symbol: 'GE', value: 0.5 },
];

describe('rankAndSelect', () => {
  it('should rank lowest first when ascending, ties by symbol', () => {
    expect(rankAndSelect(scored, 'ascending', { top: 3 }).map((s) => s.symbol)).toEqual(['AA', 'BA', 'IBM']);
  });

  it('should keep the best 1/Q rounded up for a quantile', () => {
    expect(rankAndSelect(scored, 'descending', { quantile: 2 }).map((s) => s.symbol)).toEqual(['GE', 'KO', 'IBM']);
  });
});

describe('weighSelection', () => {
  const selected = rankAndSelect(scored, 'descending', { top: 3 });

  it('should weigh equally', () => {
    expect([...weighSelection(selected, 'equal', () => undefined).weights.values()]).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it('should weigh by linear rank score: 3, 2 and 1 parts of 6', () => {
    expect(Object.fromEntries(weighSelection(selected, 'score', () => undefined).weights)).toEqual({ GE: 3 / 6, KO: 2 / 6, IBM: 1 / 6 });
  });

  it('should weigh by inverse volatility and leave out a name without one', () => {
    const vols: Record<string, number> = { GE: 0.1, KO: 0.4 };
    const result = weighSelection(selected, 'inverse_vol', (s) => vols[s]);
    expect(result.weights.get('GE')).toBeCloseTo(0.8, 14); // 10 / (10 + 2.5)
    expect(result.weights.get('KO')).toBeCloseTo(0.2, 14);
    expect(result.notes[0]).toContain('IBM');
  });
});

describe('signalAsOf', () => {
  const file: SignalFile = {
    file: 'signals/research.csv',
    column: 'weight',
    dates: ['2000-12-01', '2000-12-20'],
    rows: [[{ symbol: 'KO', value: 0.5, line: 2 }], [{ symbol: 'KO', value: 0.3, line: 3 }, { symbol: 'GE', value: 0.2, line: 4 }]],
  };

  it('should use the latest date on or before the decision', () => {
    expect(signalAsOf(file, '2000-12-22', 5, 'research')).toMatchObject({ date: '2000-12-20', rows: [{ symbol: 'KO' }, { symbol: 'GE' }] });
    expect(signalAsOf(file, '2000-12-19', 30, 'research').date).toBe('2000-12-01');
  });

  it('should refuse a stale file, naming the file, the line of its last date and that date', () => {
    let error: unknown;
    try {
      signalAsOf(file, '2001-01-02', 5, 'research');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0]).toMatchObject({ file: 'signals/research.csv', row: 3, column: 'date' });
    expect((error as InputError).message).toContain('2000-12-20');
    expect((error as InputError).message).toContain('13 days old');
  });

  it('should refuse a decision before the first signal', () => {
    expect(() => signalAsOf(file, '2000-11-30', 5, 'research')).toThrow(/no signal dated on or before 2000-11-30/);
  });
});
