/** One strategy's part in a combination: its allocation (fraction of capital) and its weights (fractions of its sleeve). */
export interface StrategyPart {
  readonly strategyId: string;
  readonly allocation: number;
  readonly weights: ReadonlyMap<string, number>;
}

/** A net target weight (fraction of equity) and what each strategy contributed to it (allocation × weight). */
export interface CombinedTarget {
  readonly symbol: string;
  readonly weight: number;
  readonly contributions: readonly { readonly strategyId: string; readonly weight: number }[];
}

/**
 * The net targets of several strategies: the kept ones, those under the minimum weight (set to 0), and those whose
 * net is short (set to 0: a long-only account cannot hold them, and says so). Symbols sorted alphabetically.
 */
export interface Combination {
  readonly targets: readonly CombinedTarget[];
  readonly belowMinimum: readonly CombinedTarget[];
  readonly clippedShort: readonly CombinedTarget[];
}

/**
 * Combines strategies into one target per symbol, note 000 "Method 1: weighted average":
 *
 *   net target_i = Σ_s allocation_s × weight_{s,i}
 *
 * e.g. 0.30 × 30% + 0.35 × 20% + 0.35 × (−10%) = 12.5%. A net target with |weight| under `minWeight` (note 000:
 * 0.01) is dropped; a net short at or beyond it is clipped to 0 because the account is long-only. Fractions in, out.
 */
export function combineTargets(parts: readonly StrategyPart[], minWeight: number): Combination {
  const bySymbol = new Map<string, { weight: number; contributions: { strategyId: string; weight: number }[] }>();
  for (const part of parts) {
    for (const [symbol, weight] of part.weights) {
      const contribution = part.allocation * weight;
      if (contribution === 0) continue;
      const entry = bySymbol.get(symbol) ?? { weight: 0, contributions: [] };
      entry.weight += contribution;
      entry.contributions.push({ strategyId: part.strategyId, weight: contribution });
      bySymbol.set(symbol, entry);
    }
  }
  const targets: CombinedTarget[] = [];
  const belowMinimum: CombinedTarget[] = [];
  const clippedShort: CombinedTarget[] = [];
  for (const symbol of [...bySymbol.keys()].sort()) {
    const entry = bySymbol.get(symbol)!;
    const target = { symbol, weight: entry.weight, contributions: entry.contributions };
    if (Math.abs(entry.weight) < minWeight) belowMinimum.push(target);
    else if (entry.weight < 0) clippedShort.push(target);
    else targets.push(target);
  }
  return { targets, belowMinimum, clippedShort };
}
