import type { Candidate } from './candidate.js';
import { compareCandidates } from './rank-candidates.js';

/**
 * Folds several rules firing on the same position into one candidate: the one that sells the most shares wins
 * (a full exit beats a trim); on a tie, the higher-ranked rule (see {@link compareCandidates}). The other rules are
 * kept in `alsoFired`, so the trader sees everything that fired. Order of the result follows the input's first
 * appearance of each symbol.
 */
export function mergeBySymbol(candidates: readonly Candidate[]): Candidate[] {
  const bySymbol = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const list = bySymbol.get(candidate.proposal.symbol);
    if (list) list.push(candidate);
    else bySymbol.set(candidate.proposal.symbol, [candidate]);
  }
  const merged: Candidate[] = [];
  for (const list of bySymbol.values()) {
    if (list.length === 1) {
      merged.push(list[0]!);
      continue;
    }
    const sorted = [...list].sort((a, b) => b.proposal.quantity - a.proposal.quantity || compareCandidates(a, b));
    const winner = sorted[0]!;
    const alsoFired = sorted.slice(1).map((c) => c.proposal.ruleId);
    merged.push({ ...winner, proposal: { ...winner.proposal, alsoFired, tags: [winner.proposal.ruleId, ...alsoFired] } });
  }
  return merged;
}
