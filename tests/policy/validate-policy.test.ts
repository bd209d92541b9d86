import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import schema from '../../schemas/policy.schema.json' with { type: 'json' };
import { FACTS, OPERATORS } from '../../src/policy/facts.js';
import { validatePolicy } from '../../src/policy/validate-policy.js';

const INVALID = join(import.meta.dirname, '../fixtures/policies/invalid');
const POLICIES = join(import.meta.dirname, '../../policies');

function check(name: string) {
  const text = readFileSync(join(INVALID, name), 'utf8');
  const result = validatePolicy({ file: name, text });
  if (result.ok) throw new Error(`${name} should be invalid`);
  return result.errors;
}

describe('validatePolicy', () => {
  it.each([
    ['typo-key.yaml', { code: 'UNKNOWN_KEY', path: 'exits.tak_profit', line: 5, col: 3 }, /did you mean `take_profit`/],
    ['wrong-type.yaml', { code: 'WRONG_TYPE', path: 'exits.take_profit.gain_pct', line: 6, col: 15 }, /must be a number/],
    ['percent-sign.yaml', { code: 'WRONG_TYPE', path: 'exits.take_profit.gain_pct', line: 6, col: 15 }, /without quotes or a % sign/],
    ['out-of-range.yaml', { code: 'OUT_OF_RANGE', path: 'exits.take_profit.sell_pct', line: 6, col: 15 }, /at most 100/],
    ['tab-indent.yaml', { code: 'TAB_AS_INDENT', line: 6, col: 1 }, /spaces, not tabs/],
    ['duplicate-key.yaml', { code: 'DUPLICATE_KEY', line: 6, col: 3 }, /appears twice/],
    ['bad-indentation.yaml', { line: 6, col: 15 }, /indented wrongly/],
    ['unknown-operator.yaml', { code: 'UNKNOWN_OPERATOR', path: 'rules[0].conditions.all[0].operator', line: 9, col: 21 }, /did you mean `greaterThan`/],
    ['unknown-fact.yaml', { code: 'UNKNOWN_FACT', path: 'rules[0].conditions.all[0].fact', line: 8, col: 17 }, /did you mean `unrealized_pnl_pct`/],
    ['cut-loss-below-stop.yaml', { code: 'CONFLICT', path: 'exits.cut_loss.loss_pct', line: 6, col: 15, related: [{ path: 'exits.cut_loss.hard_stop_pct', line: 7, col: 20 }] }, /`cut_loss.hard_stop_pct`/],
    ['trim-above-max.yaml', { code: 'CONFLICT', path: 'exits.concentration.trim_to_pct', line: 7, col: 18, related: [{ path: 'exits.concentration.max_weight_pct', line: 6, col: 21 }] }, /`concentration.max_weight_pct`/],
    ['missing-account.yaml', { code: 'MISSING_KEY', path: 'account', line: 1, col: 1 }, /missing `account`/],
    ['bad-time-zone.yaml', { code: 'BAD_TIME_ZONE', path: 'time_zone', line: 4, col: 12 }, /did you mean `America\/New_York`/],
    ['incomplete-condition.yaml', { code: 'BAD_CONDITION', path: 'rules[0].conditions.all[0]', line: 8, col: 11 }, /missing `value`/],
    ['empty.yaml', { code: 'EMPTY_FILE', line: 1, col: 1 }, /empty/],
    ['rebalance-over-100.yaml', { code: 'CONFLICT', path: 'rebalance.targets', line: 5, col: 3, related: [{ path: 'rebalance.cash_target_pct', line: 6, col: 20 }] }, /sum to 110%/],
    ['rebalance-targets-and-equal.yaml', { code: 'CONFLICT', path: 'rebalance.equal', line: 6, col: 3 }, /either `rebalance.targets` or `rebalance.equal`/],
  ])('should locate the mistake in %s', (name, expected, message) => {
    const [first] = check(name);
    expect(first).toMatchObject({ file: name, severity: 'error', ...expected });
    expect(first!.message).toMatch(message);
  });

  it('should report every problem in a file at once', () => {
    const errors = check('duplicate-rule-id.yaml');
    expect(errors.map((e) => [e.code, e.path, e.line])).toEqual([
      ['DUPLICATE_RULE_ID', 'rules[1].id', 13],
      ['BAD_CONDITION', 'rules[0].conditions.all[0].value', 10],
    ]);
  });

  it('should accept the bundled policies', () => {
    for (const name of readdirSync(POLICIES).filter((n) => n.endsWith('.yaml'))) {
      const result = validatePolicy({ file: name, text: readFileSync(join(POLICIES, name), 'utf8') });
      expect(result.ok ? [] : result.errors, name).toEqual([]);
    }
  });

  it('should fill in every default from the schema', () => {
    const result = validatePolicy({ file: 'min.yaml', text: 'version: 1\nid: min-bot\naccount: paper\n' });
    expect(result).toMatchObject({
      ok: true,
      policy: {
        name: 'min-bot',
        base_currency: 'USD',
        time_zone: 'America/New_York',
        fractional_shares: false,
        exits: {
          take_profit: { enabled: true, gain_pct: 25, sell_pct: 50 },
          cut_loss: { enabled: true, loss_pct: 12, hard_stop_pct: 15 },
          stale: { enabled: true, days_held: 30, max_move_pct: 5 },
          concentration: { enabled: true, max_weight_pct: 20, trim_to_pct: 15 },
        },
        limits: { max_exits_per_week: 5, max_trades_per_run: 10, min_trade_value: 0 },
        rules: [],
      },
    });
  });
});

describe('policy.schema.json', () => {
  it('should list exactly the facts and operators the engine knows', () => {
    const condition = schema.definitions.condition.properties;
    expect([...condition.fact.enum].sort()).toEqual(Object.keys(FACTS).sort());
    expect(Object.fromEntries(condition.fact.enum.map((fact, i) => [fact, condition.fact.markdownEnumDescriptions[i]]))).toEqual(FACTS);
    expect([...condition.operator.enum].sort()).toEqual([...OPERATORS].sort());
  });

  it('should describe every property', () => {
    const undocumented: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const properties = (node as { properties?: Record<string, unknown> }).properties;
      for (const [key, child] of Object.entries(properties ?? {})) {
        if (!(child as { description?: string }).description) undocumented.push(`${path}.${key}`);
        walk(child, `${path}.${key}`);
      }
      for (const value of Object.values(node)) if (typeof value === 'object') walk(value, path);
    };
    walk(schema, '');
    expect(undocumented).toEqual([]);
  });
});
