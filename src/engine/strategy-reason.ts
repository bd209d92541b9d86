import type { Combination } from '../strategy/combine-targets.js';
import { formatPct } from '../text/numbers.js';

/**
 * Why a symbol has the target it has, for a proposal's reason: "target 12.5% = volatility 9% + dw_factor 7% −
 * kurtosis 3.5%", "under the 1% minimum weight (0.75%): dropped", "a net short (−10%): a long-only account holds
 * none", or "no strategy holds KO".
 */
export function strategyReason(symbol: string, combination: Combination, minWeightPct: number): string {
  const parts = (contributions: Combination['targets'][number]['contributions']): string =>
    contributions.map((c, i) => `${i === 0 ? (c.weight < 0 ? '−' : '') : c.weight < 0 ? ' − ' : ' + '}${c.strategyId} ${formatPct(Math.abs(c.weight) * 100)}%`).join('');
  const kept = combination.targets.find((t) => t.symbol === symbol);
  if (kept) return `target ${formatPct(kept.weight * 100)}% = ${parts(kept.contributions)}`;
  const small = combination.belowMinimum.find((t) => t.symbol === symbol);
  if (small) return `net target ${formatPct(small.weight * 100)}% (${parts(small.contributions)}) is under the ${formatPct(minWeightPct)}% minimum weight`;
  const short = combination.clippedShort.find((t) => t.symbol === symbol);
  if (short) return `net target ${formatPct(short.weight * 100)}% (${parts(short.contributions)}) is short; a long-only account holds none`;
  return `no strategy holds ${symbol}`;
}
