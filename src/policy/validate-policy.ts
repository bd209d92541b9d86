import { conditionProblems } from './condition-problems.js';
import { crossFieldProblems } from './cross-field-checks.js';
import type { Diagnostic } from './diagnostic.js';
import type { Policy } from './policy.js';
import { schemaProblems } from './schema-problems.js';
import { parseYamlSource, type PolicySource } from './yaml-source.js';
import { prepareStrategyDefaults, withStrategyDefaults } from './strategy-defaults.js';
import { symbolProblems, type KnownSymbols } from './symbol-problems.js';

export type { PolicySource } from './yaml-source.js';

/** What else a validation may check against. */
export interface ValidationContext {
  /** The symbols with prices: strategy universes and rebalance targets naming others are errors, with a did-you-mean. */
  readonly knownSymbols?: KnownSymbols;
}

/** The outcome of {@link validatePolicy}: a policy with defaults filled in, or every problem found. */
export type PolicyValidation =
  | { readonly ok: true; readonly policy: Policy; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly errors: readonly Diagnostic[]; readonly warnings: readonly Diagnostic[] };

/**
 * Parses and validates one policy, collecting every problem rather than stopping at the first.
 *
 * Phases: YAML syntax (with `yaml`'s codes: `TAB_AS_INDENT`, `DUPLICATE_KEY`, …), then the JSON Schema
 * (`schemas/policy.schema.json`, which also fills in defaults), then named cross-field checks and custom-rule
 * condition checks. A later phase runs only when the earlier ones found no error, because its positions would be
 * guesses. Every diagnostic carries the `file`, 1-based `line`/`col`, the YAML `path` and an actionable `message`.
 * With `context.knownSymbols`, symbols without prices are errors too. Pure: reads no files and throws nothing for
 * bad input.
 */
export function validatePolicy(source: PolicySource, context: ValidationContext = {}): PolicyValidation {
  const parsed = parseYamlSource(source, 'the policy file is empty; start from a copy of policies/dee-bot.yaml');
  if (!parsed.ok) return parsed;
  const { data, place, warnings } = parsed.parsed;
  prepareStrategyDefaults(data);
  const structural = schemaProblems(data);
  if (structural.length > 0) return { ok: false, errors: structural.map(place), warnings };
  const policy = withStrategyDefaults(withName(data as Policy));
  const semantic = [
    ...crossFieldProblems(policy),
    ...conditionProblems(policy),
    ...(context.knownSymbols ? symbolProblems(policy, context.knownSymbols) : []),
  ];
  if (semantic.length > 0) return { ok: false, errors: semantic.map(place), warnings };
  return { ok: true, policy, warnings };
}

function withName(policy: Policy): Policy {
  return policy.name === undefined ? { ...policy, name: policy.id } : policy;
}
