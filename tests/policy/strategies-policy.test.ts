import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../../src/policy/validate-policy.js';

const INVALID = join(import.meta.dirname, '../fixtures/policies/invalid');

function errorsOf(name: string) {
  const result = validatePolicy({ file: name, text: readFileSync(join(INVALID, name), 'utf8') });
  if (result.ok) throw new Error(`${name} should be invalid`);
  return result.errors;
}

const MINIMAL = `version: 1
id: multi
account: paper
strategies:
  - id: low_vol
    signal: { factor: volatility }
  - id: research
    rebalance: weekly on monday
    signal: { file: ../signals/research.csv }
`;

describe('validatePolicy with strategies', () => {
  it('should fill the strategy and allocation defaults of notes 000, 001 and 003', () => {
    const result = validatePolicy({ file: 'multi.yaml', text: MINIMAL });
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result).toMatchObject({
      ok: true,
      policy: {
        strategies: [
          { id: 'low_vol', name: 'low_vol', rebalance: 'daily', universe: 'all', signal: { factor: 'volatility', lookback: 60, skip: 0 }, select: { quantile: 5 }, weighting: 'equal' },
          { id: 'research', rebalance: 'weekly on monday', signal: { file: '../signals/research.csv', max_age_days: 5 } },
        ],
        allocation: { method: 'equal', every: 21, lookback: 60, min_returns: 20, threshold_pp: 2, max_pct: 40, min_weight_pct: 1, min_trade_pct: 0.1 },
      },
    });
  });

  it('should reject allocations over 100%, naming every allocation_pct with its line', () => {
    const [error] = errorsOf('strategies-over-100.yaml');
    expect(error).toMatchObject({
      code: 'ALLOCATION_OVER_100',
      path: 'strategies[0].allocation_pct',
      line: 7,
      col: 21,
      related: [
        { path: 'strategies[1].allocation_pct', line: 10 },
        { path: 'strategies[2].allocation_pct', line: 13 },
      ],
    });
    expect(error!.message).toMatch(/sum to 110%/);
  });

  it('should point at a rebalance period it cannot read and list the forms', () => {
    const [error] = errorsOf('strategies-bad-period.yaml');
    expect(error).toMatchObject({ code: 'SCHEDULE_UNKNOWN_FORM', path: 'strategies[0].rebalance', line: 6, col: 16 });
    expect(error!.message).toMatch(/"weekly on monday"/);
  });

  it('should suggest the factor meant', () => {
    const [error] = errorsOf('strategies-unknown-factor.yaml');
    expect(error).toMatchObject({ code: 'BAD_VALUE', path: 'strategies[0].signal.factor', line: 7, col: 15 });
    expect(error!.message).toMatch(/did you mean `volatility`/);
  });

  it('should give a strategy naming an unknown symbol a did-you-mean, at its line', () => {
    const text = MINIMAL.replace('signal: { factor: volatility }', 'universe: [AA, IMB, KO]\n    signal: { factor: volatility }');
    const result = validatePolicy({ file: 'multi.yaml', text }, { knownSymbols: { symbols: ['AA', 'IBM', 'KO'], source: 'prices.csv' } });
    expect(result.ok ? [] : result.errors).toMatchObject([{ code: 'UNKNOWN_SYMBOL', path: 'strategies[0].universe[1]', line: 6, col: 20 }]);
    expect(result.ok ? '' : result.errors[0]!.message).toMatch(/did you mean `IBM`\?/);
  });

  it('should refuse rebalance targets next to strategies, and allocation_pct without method fixed', () => {
    const text = `${MINIMAL.replace('signal: { factor: volatility }', 'signal: { factor: volatility }\n    allocation_pct: 30')}rebalance:\n  equal: [KO]\n`;
    const result = validatePolicy({ file: 'multi.yaml', text });
    expect(result.ok ? [] : result.errors.map((e) => [e.code, e.path])).toEqual([
      ['CONFLICT', 'strategies[0].allocation_pct'],
      ['CONFLICT', 'rebalance.equal'],
    ]);
  });

  it('should refuse a factor key on a file signal and a duplicate strategy id', () => {
    const text = MINIMAL.replace('signal: { file: ../signals/research.csv }', 'signal: { file: ../signals/research.csv, lookback: 20 }').replace('id: research', 'id: low_vol');
    const result = validatePolicy({ file: 'multi.yaml', text });
    expect(result.ok ? [] : result.errors.map((e) => [e.code, e.path])).toEqual([
      ['DUPLICATE_STRATEGY_ID', 'strategies[1].id'],
      ['CONFLICT', 'strategies[1].signal.lookback'],
    ]);
  });
});
