import fc from 'fast-check';
import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { compilePrefilter } from '../../src/engine/compile-prefilter.js';
import { OPERATORS } from '../../src/policy/facts.js';

const FACT_NAMES = ['days_held', 'unrealized_pnl_pct', 'symbol', 'weight_pct'] as const;

// Policy validation guarantees a list for `in`/`notIn`; every other operator may meet any value.
const scalar = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constantFrom('KO', 'PG', '10'));
const list = fc.array(fc.constantFrom('KO', 'PG', 3), { maxLength: 3 });
const fact = fc.constantFrom(...FACT_NAMES);
const test = fc.oneof(
  fc.record({ fact, operator: fc.constantFrom(...OPERATORS.filter((o) => o !== 'in' && o !== 'notIn')), value: fc.oneof(scalar, list) }),
  fc.record({ fact, operator: fc.constantFrom('in', 'notIn'), value: list }),
);
const condition: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, test, tie('block')),
  block: fc.oneof(
    fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
  ),
})).block;
const facts = fc.record({
  days_held: fc.integer({ min: 0, max: 60 }),
  unrealized_pnl_pct: fc.double({ min: -60, max: 60, noNaN: true }),
  symbol: fc.constantFrom('KO', 'PG', 'MO'),
  weight_pct: fc.integer({ min: 0, max: 40 }),
});

describe('compilePrefilter', () => {
  it('should agree with json-rules-engine on random conditions and facts', async () => {
    await fc.assert(
      fc.asyncProperty(condition, facts, async (conditions, input) => {
        const rule: RuleProperties = { name: 'r', conditions: conditions as TopLevelCondition, event: { type: 'r' } };
        const engineFired = (await new Engine([rule], { allowUndefinedFacts: false }).run({ ...input })).results.length === 1;
        const [predicate] = compilePrefilter([rule], (name) => (facts: Record<string, unknown>) => facts[name]);
        expect(predicate!(input, 0)).toBe(engineFired);
      }),
      { numRuns: 400 },
    );
  });
});
