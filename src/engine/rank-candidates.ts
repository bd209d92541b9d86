import type { Candidate } from './candidate.js';
import type { ProposalKind } from './proposal.js';

const KIND_ORDER: Partial<Record<ProposalKind, number>> = { cut_loss: 0, take_profit: 1, concentration: 2, stale: 3, custom: 4 };

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
  const kindA = KIND_ORDER[a.proposal.kind] ?? 9;
  const kindB = KIND_ORDER[b.proposal.kind] ?? 9;
  if (kindA !== kindB) return kindA - kindB;
  const severity = severityOf(b) - severityOf(a) || b.rulePriority - a.rulePriority || b.proposal.notional - a.proposal.notional;
  if (severity !== 0) return severity;
  return a.proposal.symbol < b.proposal.symbol ? -1 : a.proposal.symbol > b.proposal.symbol ? 1 : 0;
}

function severityOf(candidate: Candidate): number {
  const { facts } = candidate;
  switch (candidate.proposal.kind) {
    case 'cut_loss':
      return -facts.unrealized_pnl_pct;
    case 'take_profit':
      return facts.unrealized_pnl_pct;
    case 'concentration':
      return facts.weight_pct;
    case 'stale':
      return facts.days_held;
    default:
      return 0;
  }
}
