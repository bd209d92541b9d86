import type { Candidate } from './candidate.js';
import type { ProposalKind } from './proposal.js';

const KIND_ORDER: Partial<Record<ProposalKind, number>> = { cut_loss: 0, take_profit: 1, concentration: 2, stale: 3, custom: 4 };

/** A kind's place in the order exits win a cap (see {@link compareCandidates}): `cut_loss` 0 … custom rules 4. */
export function kindRank(kind: ProposalKind): number {
  return KIND_ORDER[kind] ?? 9;
}

/**
 * The order in which exits win when a cap binds: protect capital first, then lock in gains, then reduce risk,
 * then free stale capital.
 *
 * 1. kind: `cut_loss`, `take_profit`, `concentration`, `stale`, custom rules;
 * 2. within a kind, the most severe first: the largest loss, the largest gain, the largest weight, the longest held;
 *    custom rules by their `priority` (higher first), then the largest notional;
 * 3. then symbol A→Z, so the result never depends on input order.
 * Returns a negative number when `a` wins.
 */
export function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.kindRank !== b.kindRank) return a.kindRank - b.kindRank;
  const severity = b.severity - a.severity || b.rulePriority - a.rulePriority || b.notional - a.notional;
  if (severity !== 0) return severity;
  return a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0;
}
