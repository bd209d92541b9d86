import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import type { Policy } from '../policy/policy.js';
import { compilePrefilter, type Predicate } from './compile-prefilter.js';
import { compileRules } from './compile-rules.js';

/** One enabled rule of a policy, ready to run: its id, its json-rules-engine engine, its predicate, the facts it reads. */
export interface CompiledRule {
  /** `take_profit`, `cut_loss`, `stale`, `concentration` or `custom:<id>`. */
  readonly id: string;
  readonly engine: Engine;
  /** True when the rule's conditions hold (json-rules-engine's semantics exactly; see `compilePrefilter`). */
  readonly mayFire: Predicate;
  /** The facts its conditions read: all the engine needs to be given. */
  readonly facts: readonly string[];
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
    const predicates = compilePrefilter(properties);
    rules = properties.map((rule, i) => ({
      id: String(rule.name),
      engine: new Engine([rule], { allowUndefinedFacts: false }),
      mayFire: predicates[i]!,
      facts: [...new Set(factsOf(rule.conditions))],
    }));
    compiled.set(policy, rules);
  }
  return rules;
}

function factsOf(node: TopLevelCondition | NestedCondition): string[] {
  if ('all' in node && node.all) return node.all.flatMap(factsOf);
  if ('any' in node && node.any) return node.any.flatMap(factsOf);
  if ('not' in node && node.not) return factsOf(node.not);
  return [(node as { fact: string }).fact];
}
