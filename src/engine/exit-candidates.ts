import type { Policy } from '../policy/policy.js';
import type { Candidate } from './candidate.js';
import type { CompiledRule } from './compiled-rules.js';
import type { FactTable } from './fact-table.js';
import { mergeFired } from './merge-fired.js';
import { sizeExit } from './size-exit.js';

/**
 * The exit candidates of an evaluation, in numbers: for each row of `table` (one position per symbol), every rule
 * whose compiled predicate holds there is sized ({@link sizeExit}) and the fires are merged into one candidate
 * ({@link mergeFired}). `refused` holds the fires json-rules-engine did not confirm, as `row × rules.length + rule`:
 * those are not fires. Candidates come in row order.
 */
export function exitCandidates(policy: Policy, rules: readonly CompiledRule[], table: FactTable, refused: ReadonlySet<number>): Candidate[] {
  const candidates: Candidate[] = [];
  let fired: Candidate[] = [];
  for (let i = 0; i < table.size; i++) {
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!;
      if (rule.mayFire(table, i) && !refused.has(i * rules.length + r)) fired.push(sizeExit(policy, rule, r, table, i));
    }
    if (fired.length > 0) {
      candidates.push(mergeFired(fired));
      fired = [];
    }
  }
  return candidates;
}
