import { conditionProblems } from './condition-problems.js';
import { crossFieldProblems, type CrossFieldProblem } from './cross-field-checks.js';
import type { Diagnostic } from './diagnostic.js';
import { fractionWarnings } from './fraction-warnings.js';
import type { Policy } from './policy.js';
import { schemaProblems } from './schema-problems.js';
import { parseYamlSource, type PolicySource } from './yaml-source.js';
import { prepareStrategyDefaults, withStrategyDefaults } from './strategy-defaults.js';
import { symbolProblems, type KnownSymbols } from './symbol-problems.js';
import { touchesPruned, withoutRefusedValues } from './without-refused-values.js';

export type { PolicySource } from './yaml-source.js';

/** What else a validation may check against. */
export interface ValidationContext {
  /** The symbols with prices: symbols a policy names that are not among them are errors, with a did-you-mean. */
  readonly knownSymbols?: KnownSymbols;
}

/** The outcome of {@link validatePolicy}: a policy with defaults filled in, or every problem found. */
export type PolicyValidation =
  | { readonly ok: true; readonly policy: Policy; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly errors: readonly Diagnostic[]; readonly warnings: readonly Diagnostic[] };

/**
 * Parses and validates one policy, collecting every problem rather than stopping at the first.
 *
 * Phases: YAML syntax (with `yaml`'s codes: `TAB_AS_INDENT`, `DUPLICATE_KEY`, …, and plain words for the usual slips),
 * then the JSON Schema (`schemas/policy.schema.json`, which also fills in defaults), then named cross-field checks,
 * custom-rule condition checks and symbol checks. When the schema refused some values, the later checks still run on
 * the policy without them where that is sound (see `withoutRefusedValues`), so a fact typo and a cut-loss conflict are
 * reported together; problems that involve a refused value are left to its own error. Percentages that look like
 * fractions are warnings (`LOOKS_LIKE_FRACTION`), which never make a policy invalid. Every diagnostic carries the
 * `file`, 1-based `line`/`col`, the YAML `path` and an actionable `message`. With `context.knownSymbols`, symbols
 * without prices are errors too. Pure: reads no files and throws nothing for bad input.
 */
export function validatePolicy(source: PolicySource, context: ValidationContext = {}): PolicyValidation {
  const parsed = parseYamlSource(source, 'the policy file is empty; start from a copy of policies/dee-bot.yaml');
  if (!parsed.ok) return parsed;
  const { data, place, warnings } = parsed.parsed;
  prepareStrategyDefaults(data);
  const structural = schemaProblems(data, context.knownSymbols);
  if (structural.length === 0) {
    const policy = withStrategyDefaults(withName(data as Policy));
    const semantic = semanticProblems(policy, context);
    const all = [...warnings, ...fractionWarnings(policy).map(place)];
    return semantic.length === 0 ? { ok: true, policy, warnings: all } : { ok: false, errors: semantic.map(place), warnings: all };
  }
  const rest = withoutRefusedValues(data, structural, (copy) => schemaProblems(copy).length === 0);
  if (rest === undefined) return { ok: false, errors: structural.map(place), warnings };
  const policy = withStrategyDefaults(withName(rest.data as Policy));
  const semantic = semanticProblems(policy, context).filter((p) => !touchesPruned(p, rest.pruned));
  const fractions = fractionWarnings(policy).filter((p) => !touchesPruned(p, rest.pruned));
  return { ok: false, errors: [...structural, ...semantic].map(place), warnings: [...warnings, ...fractions.map(place)] };
}

/** The checks after the schema: cross-field, custom-rule conditions, symbols. */
function semanticProblems(policy: Policy, context: ValidationContext): CrossFieldProblem[] {
  return [...crossFieldProblems(policy), ...conditionProblems(policy), ...symbolProblems(policy, context.knownSymbols)];
}

function withName(policy: Policy): Policy {
  return policy.name === undefined ? { ...policy, name: policy.id } : policy;
}
