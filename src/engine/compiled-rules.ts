import { Engine, type NestedCondition, type RuleResult, type TopLevelCondition } from 'json-rules-engine';
import type { CustomRule, Policy } from '../policy/policy.js';
import { compilePrefilter, type Predicate } from './compile-prefilter.js';
import { compileRules } from './compile-rules.js';
import { factReader, type FactReader, type FactTable } from './fact-table.js';

/** One enabled rule of a policy, ready to run: its id, its json-rules-engine engine, its predicate, the facts it reads. */
export interface CompiledRule {
  /** `take_profit`, `cut_loss`, `stale`, `concentration` or `custom:<id>`. */
  readonly id: string;
  /** The policy's rule behind a `custom:<id>` rule; undefined for the built-ins. */
  readonly custom: CustomRule | undefined;
  readonly engine: Engine;
  /** True when the rule's conditions hold for a row of a fact table (json-rules-engine's semantics exactly; see `compilePrefilter`). */
  readonly mayFire: Predicate<FactTable>;
  /** The facts its conditions read, with their readers: all the engine needs to be given. */
  readonly facts: readonly { readonly name: string; readonly read: FactReader }[];
}

const compiled = new WeakMap<Policy, readonly CompiledRule[]>();

/**
 * A policy's rules ({@link compileRules}) compiled once per policy object and reused by every evaluation of it (a
 * replay evaluates one policy thousands of times; reusing an engine across runs is safe, each run has its own almanac).
 */
export function compiledRules(policy: Policy): readonly CompiledRule[] {
  let rules = compiled.get(policy);
  if (rules === undefined) {
    const properties = compileRules(policy);
    const predicates = compilePrefilter(properties, factReader);
    rules = properties.map((rule, i) => ({
      id: String(rule.name),
      custom: policy.rules.find((r) => `custom:${r.id}` === rule.name),
      engine: new Engine([rule], { allowUndefinedFacts: false }),
      mayFire: predicates[i]!,
      facts: [...new Set(factsOf(rule.conditions))].map((name) => ({ name, read: factReader(name) })),
    }));
    compiled.set(policy, rules);
  }
  return rules;
}

/**
 * Runs json-rules-engine for `rule` on row `i` of `table`, with the facts the rule reads: the engine's result when it
 * fires (its condition results explain a custom rule), undefined when it does not.
 */
export async function confirmRule(rule: CompiledRule, table: FactTable, i: number): Promise<RuleResult | undefined> {
  const given: Record<string, unknown> = {};
  for (const fact of rule.facts) given[fact.name] = fact.read(table, i);
  const { results } = await rule.engine.run(given);
  return results[0];
}

function factsOf(node: TopLevelCondition | NestedCondition): string[] {
  if ('all' in node && node.all) return node.all.flatMap(factsOf);
  if ('any' in node && node.any) return node.any.flatMap(factsOf);
  if ('not' in node && node.not) return factsOf(node.not);
  return [(node as { fact: string }).fact];
}
