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
 * those are not fires. With `onlySymbols`, the rows of other symbols are skipped. Candidates come in row order.
 */
export function exitCandidates(policy: Policy, rules: readonly CompiledRule[], table: FactTable, refused: ReadonlySet<number>, onlySymbols?: ReadonlySet<string>): Candidate[] {
  const candidates: Candidate[] = [];
  for (let i = 0; i < table.size; i++) {
    if (onlySymbols !== undefined && !onlySymbols.has(table.positions[i]!.symbol)) continue;
    let first: Candidate | undefined;
    let fired: Candidate[] | undefined; // only when several rules fire on the row
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!;
      if (!rule.mayFire(table, i) || refused.has(i * rules.length + r)) continue;
      const candidate = sizeExit(policy, rule, r, table, i);
      if (first === undefined) first = candidate;
      else (fired ??= [first]).push(candidate);
    }
    if (first !== undefined) candidates.push(fired ? mergeFired(fired) : first);
  }
  return candidates;
}
