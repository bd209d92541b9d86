import type { Policy } from '../policy/policy.js';
import { BUILT_IN_RULES } from './compile-rules.js';

/**
 * Turns a schedule's `runs` list into the rule ids `evaluate`'s `only` option takes: `all` → `undefined` (every
 * rule); `exits` → the four built-in rules; `rules` → every custom rule (`custom:<id>`); a built-in id as is; a custom
 * rule id → `custom:<id>`. Names that are neither (validation refuses them) are dropped. Order follows `runs`,
 * without duplicates.
 */
export function rulesForRuns(policy: Pick<Policy, 'rules'>, runs: readonly string[]): string[] | undefined {
  if (runs.includes('all')) return undefined;
  const out = new Set<string>();
  const builtIns: readonly string[] = BUILT_IN_RULES;
  const custom = policy.rules.map((r) => r.id);
  for (const name of runs) {
    if (name === 'exits') for (const id of BUILT_IN_RULES) out.add(id);
    else if (name === 'rules') for (const id of custom) out.add(`custom:${id}`);
    else if (name === 'rebalance') out.add('rebalance');
    else if (builtIns.includes(name)) out.add(name);
    else if (custom.includes(name)) out.add(`custom:${name}`);
  }
  return [...out];
}
