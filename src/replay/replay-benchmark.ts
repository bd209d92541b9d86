import type { Holdings } from '../portfolio/holdings.js';
import type { Policy } from '../policy/policy.js';
import type { PriceMatrix } from './price-matrix.js';
import type { ReplayBenchmark } from './replay-result.js';

/**
 * The replay's comparison series on the same sessions (`rows`: panel rows), marked at the known closes: buy and hold
 * of the starting holdings (`start` with positions), or, from cash, equal weight of the policy's symbols (its
 * rebalance targets; every symbol of the price file for `equal: all` or without a `rebalance:` section), bought
 * unrounded and free of costs at the first session's close with the whole capital and held.
 */
export function replayBenchmark(policy: Policy, matrix: PriceMatrix, rows: Int32Array, start: Holdings, capital: number): ReplayBenchmark {
  const first = rows[0]!;
  const held = new Map<number, number>();
  let cash = start.cash;
  let label: string;
  if (start.positions.length > 0) {
    for (const p of start.positions) held.set(matrix.column.get(p.symbol)!, p.quantity);
    label = `buy and hold of the starting holdings (${start.positions.length} ${start.positions.length === 1 ? 'position' : 'positions'})`;
  } else {
    const symbols = policySymbols(policy).filter((s) => {
      const j = matrix.column.get(s);
      return j !== undefined && !Number.isNaN(matrix.known[j]![first]!);
    });
    const universe = symbols.length > 0 ? symbols : matrix.symbols.filter((s) => !Number.isNaN(matrix.known[matrix.column.get(s)!]![first]!));
    for (const symbol of universe) {
      const j = matrix.column.get(symbol)!;
      held.set(j, capital / universe.length / matrix.known[j]![first]!);
    }
    cash = universe.length > 0 ? 0 : capital;
    label = `equal weight of ${symbols.length > 0 ? "the policy's" : 'the price file\'s'} ${universe.length} symbols, bought at the first close and held`;
  }
  const columns = [...held.keys()].map((j) => matrix.known[j]!);
  const quantities = Float64Array.from(held.values());
  const equity = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    let value = cash;
    for (let k = 0; k < columns.length; k++) value += quantities[k]! * columns[k]![row]!;
    equity[i] = value;
  }
  return { label, equity };
}

/** The symbols a policy targets: its rebalance targets, empty for `equal: all` or without a `rebalance:` section. */
function policySymbols(policy: Policy): readonly string[] {
  const section = policy.rebalance?.enabled ? policy.rebalance : undefined;
  if (!section) return [];
  if (section.targets) return Object.keys(section.targets);
  return Array.isArray(section.equal) ? section.equal : [];
}
