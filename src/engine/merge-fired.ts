import type { Candidate } from './candidate.js';
import { compareCandidates } from './rank-candidates.js';

/**
 * Folds several rules firing on the same position into one candidate: the one that sells the most shares wins
 * (a full exit beats a trim); on a tie, the higher-ranked rule (see {@link compareCandidates}). The others are kept
 * in `alsoFired`, in that order, so the trader sees everything that fired. `fired` is not empty.
 */
export function mergeFired(fired: readonly Candidate[]): Candidate {
  if (fired.length === 1) return fired[0]!;
  const [winner, ...others] = [...fired].sort((a, b) => b.quantity - a.quantity || compareCandidates(a, b));
  return { ...winner!, alsoFired: others };
}
