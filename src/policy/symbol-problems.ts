import { didYouMean } from '../util/did-you-mean.js';
import type { CrossFieldProblem } from './cross-field-checks.js';
import type { Policy } from './policy.js';

/** The symbols a policy may name, and where they come from (a price file), for messages. */
export interface KnownSymbols {
  readonly symbols: readonly string[];
  /** E.g. `examples/prices/dow30-daily-1991-2000.csv`. */
  readonly source: string;
}

/**
 * Symbols a policy names that have no prices: every strategy `universe` entry and every `rebalance.targets` /
 * `rebalance.equal` symbol not in `known`, each with a did-you-mean (`IMB` → `IBM`). Checked only when the caller
 * knows the prices the policy will run on.
 */
export function symbolProblems(policy: Policy, known: KnownSymbols): CrossFieldProblem[] {
  const set = new Set(known.symbols);
  const problems: CrossFieldProblem[] = [];
  const check = (symbol: string, path: (string | number)[], target: 'key' | 'value'): void => {
    if (set.has(symbol)) return;
    const guess = didYouMean(symbol, known.symbols);
    problems.push({
      code: 'UNKNOWN_SYMBOL',
      path,
      target,
      message: `unknown symbol \`${symbol}\`: ${known.source} has no prices for it; ${guess ? `did you mean \`${guess}\`?` : 'check the spelling or add its prices'}`,
    });
  };
  (policy.strategies ?? []).forEach((strategy, i) => {
    if (strategy.universe === 'all') return;
    strategy.universe.forEach((symbol, j) => check(symbol, ['strategies', i, 'universe', j], 'value'));
  });
  const section = policy.rebalance;
  for (const symbol of Object.keys(section?.targets ?? {})) check(symbol, ['rebalance', 'targets', symbol], 'key');
  (Array.isArray(section?.equal) ? section.equal : []).forEach((symbol, j) => check(symbol, ['rebalance', 'equal', j], 'value'));
  return problems;
}
