import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePolicy, type ValidationContext } from '../../src/policy/validate-policy.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/policies');
const DOW = { symbols: ['AA', 'BA', 'GE', 'IBM', 'KO', 'PG'], source: 'prices.csv' };

function validate(name: string, context: ValidationContext = {}) {
  return validatePolicy({ file: name, text: readFileSync(join(FIXTURES, name), 'utf8') }, context);
}

function errorsOf(name: string, context: ValidationContext = {}) {
  const result = validate(name, context);
  if (result.ok) throw new Error(`${name} should be invalid`);
  return result.errors;
}

describe('validatePolicy: percentages that look like fractions', () => {
  it.each([
    ['warnings/fraction-gain.yaml', { path: 'exits.take_profit.gain_pct', line: 6, col: 15 }, /looks like a fraction: `gain_pct: 0.2` means 0.2%.*did you mean `20`\?/],
    ['warnings/fraction-rule-value.yaml', { path: 'rules[0].conditions.all[0].value', line: 8, col: 75 }, /did you mean `-7`/],
    ['warnings/fraction-targets.yaml', { path: 'rebalance.targets', line: 5, col: 3 }, /sum to 1%.*did you mean `KO: 50`, `PG: 50`\?/],
  ])('should accept %s with a warning at the value', (name, expected, message) => {
    const result = validate(name);
    expect(result.ok).toBe(true);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ code: 'LOOKS_LIKE_FRACTION', severity: 'warning', file: name, ...expected });
    expect(result.warnings[0]!.message).toMatch(message);
  });

  it('should not warn about the bundled example values or fractions that are plausible', () => {
    const result = validatePolicy({
      file: 'plausible.yaml',
      text: 'version: 1\nid: p\naccount: paper\nexecution: { price_tolerance_pct: 0.5 }\nrebalance:\n  equal: [KO, PG]\n  bands: { absolute_pp: 0.5 }\n',
    });
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });
});

describe('validatePolicy: symbols', () => {
  it('should refuse a lower-case symbol in a rule, at its value, with the upper-case one', () => {
    const [first, ...rest] = errorsOf('invalid/lowercase-rule-symbol.yaml');
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ code: 'LOWERCASE_SYMBOL', path: 'rules[0].conditions.all[0].value', line: 10, col: 18 });
    expect(first!.message).toMatch(/`GE`/);
  });

  it('should refuse lower-case symbols in rebalance.equal, each at its own column', () => {
    const errors = errorsOf('invalid/lowercase-rebalance-symbols.yaml');
    expect(errors.map((e) => [e.code, e.path, e.line, e.col])).toEqual([
      ['LOWERCASE_SYMBOL', 'rebalance.equal[0]', 5, 11],
      ['LOWERCASE_SYMBOL', 'rebalance.equal[1]', 5, 15],
    ]);
    expect(errors[0]!.message).toMatch(/`KO`/);
  });

  it('should check a lower-case symbol against the price file with a did-you-mean', () => {
    const [first] = errorsOf('invalid/lowercase-rule-symbol.yaml', { knownSymbols: DOW });
    expect(first).toMatchObject({ code: 'LOWERCASE_SYMBOL', line: 10, col: 18 });
    expect(first!.message).toMatch(/did you mean `GE`/);
  });

  it('should check rule symbols against the price file', () => {
    const result = validatePolicy(
      { file: 'rule.yaml', text: 'version: 1\nid: p\naccount: paper\nrules:\n  - id: r\n    conditions:\n      all:\n        - { fact: symbol, operator: in, value: [GEE, KO] }\n    event: { type: exit }\n' },
      { knownSymbols: DOW },
    );
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'UNKNOWN_SYMBOL', path: 'rules[0].conditions.all[0].value[0]', line: 8, col: 49 }] });
  });

  it('should name the closest symbol of the price file for an unknown one', () => {
    const [first] = errorsOf('invalid/unknown-rebalance-symbol.yaml', { knownSymbols: DOW });
    expect(first).toMatchObject({ code: 'UNKNOWN_SYMBOL', path: 'rebalance.equal[0]', line: 5, col: 11 });
    expect(first!.message).toMatch(/did you mean `KO`/);
  });
});

describe('validatePolicy: schedules running custom rules', () => {
  it('should schedule a rule whose id has a dash, as the rule ids allow', () => {
    expect(validate('valid/runs-dashed-rule.yaml')).toMatchObject({ ok: true, warnings: [] });
  });

  it('should name the rule a mistyped run meant', () => {
    const [first] = errorsOf('invalid/runs-unknown-rule.yaml');
    expect(first).toMatchObject({ code: 'SCHEDULE_UNKNOWN_RUN', path: 'schedules[0].runs[0]', line: 7, col: 12 });
    expect(first!.message).toMatch(/did you mean `slow-bleed`/);
  });
});

describe('validatePolicy: problems reported together', () => {
  it('should report a cross-field conflict together with a fact typo', () => {
    const errors = errorsOf('invalid/fact-typo-and-conflict.yaml');
    expect(errors.map((e) => [e.code, e.path, e.line, e.col])).toEqual([
      ['UNKNOWN_FACT', 'rules[0].conditions.all[0].fact', 12, 17],
      ['CONFLICT', 'exits.cut_loss.loss_pct', 6, 15],
    ]);
  });
});

describe('validatePolicy: hints that fit the field', () => {
  it.each([
    ['invalid/count-as-word.yaml', { path: 'limits.max_trades_per_run', line: 5, col: 23 }, /whole number.*`10`/],
    ['invalid/hours-with-unit.yaml', { path: 'approval.expires_after_hours', line: 5, col: 24 }, /hours.*`24`/],
  ])('should say what to write in %s without a percent hint', (name, expected, message) => {
    const [first] = errorsOf(name);
    expect(first).toMatchObject({ code: 'WRONG_TYPE', ...expected });
    expect(first!.message).toMatch(message);
    expect(first!.message).not.toMatch(/%/);
  });
});

describe('validatePolicy: YAML slips in plain words', () => {
  it.each([
    ['invalid/missing-space-after-colon.yaml', { code: 'MISSING_SPACE_AFTER_COLON', line: 6, col: 13 }, /`gain_pct: 20`/],
    ['invalid/missing-space-after-colon-alone.yaml', { code: 'MISSING_SPACE_AFTER_COLON', line: 6, col: 13 }, /`gain_pct: 20`/],
    ['invalid/colon-in-description.yaml', { code: 'COLON_IN_TEXT', line: 6, col: 18 }, /quotes.*"down 7%: two weeks without recovering"/],
    ['invalid/curly-quotes.yaml', { code: 'CURLY_QUOTES', line: 5, col: 9 }, /straight quotes/],
    ['invalid/curly-quotes-with-colon.yaml', { code: 'CURLY_QUOTES', line: 6, col: 18 }, /straight quotes/],
    ['invalid/missing-colon.yaml', { code: 'MISSING_COLON', line: 6, col: 13 }, /`gain_pct: 20`/],
    ['invalid/missing-colon-last.yaml', { code: 'MISSING_COLON', line: 7, col: 13 }, /`gain_pct: 20`/],
    ['invalid/missing-colon-alone.yaml', { code: 'MISSING_COLON', line: 6, col: 13 }, /`gain_pct: 20`/],
  ])('should explain %s', (name, expected, message) => {
    const [first, ...rest] = errorsOf(name);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ severity: 'error', ...expected });
    expect(first!.message).toMatch(message);
  });
});
