import type { ProposalRecord, Refusal } from '../approval/proposal-record.js';
import { describeOutcome } from './describe-audit-outcome.js';
import { shortTime } from './describe-record.js';
import { PLAIN, type Paint } from './paint.js';

/** One line of the audit log: a decision taken (approve, reject, expire) or an action refused. Times ISO 8601 UTC. */
export type AuditEntry =
  | { readonly kind: 'decision'; readonly at: string; readonly actorId: string; readonly decision: 'approve' | 'reject' | 'expire'; readonly proposalId: string; readonly policyId: string; readonly status: string; readonly outcome: string }
  | ({ readonly kind: 'refusal' } & Refusal);

/** The audit entries of proposal records (their decisions) and refusals, oldest first. */
export function auditEntries(records: readonly ProposalRecord[], refusals: readonly Refusal[]): AuditEntry[] {
  const decisions = records.flatMap((record): AuditEntry[] => record.decision === undefined ? [] : [{
    kind: 'decision', at: record.decision.at, actorId: record.decision.actorId, decision: record.decision.decision,
    proposalId: record.proposal.id, policyId: record.policyId, status: record.status, outcome: describeOutcome(record),
  }]);
  return [...decisions, ...refusals.map((refusal): AuditEntry => ({ kind: 'refusal', ...refusal }))].sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * `2026-11-21 12:00 UTC  approve  cli:ana  p-000001-1  dee-bot  executed: sold 300 @ 43.24` for a decision,
 * `2026-11-21 12:01 UTC  refused  telegram:6666  —  unauthorized  update 812 (×999)` for a refusal.
 */
export function formatAuditEntry(entry: AuditEntry, paint: Paint = PLAIN): string {
  const when = paint.quiet(shortTime(entry.at));
  if (entry.kind === 'decision') {
    const decision = entry.decision.padEnd(7);
    return `${when}  ${entry.decision === 'approve' ? paint.good(decision) : entry.decision === 'reject' ? paint.bad(decision) : paint.quiet(decision)}  ${entry.actorId.padEnd(16)}  ${paint.id(entry.proposalId)}  ${entry.policyId}  ${entry.outcome}`;
  }
  const times = entry.count !== undefined && entry.count > 1 ? ` (×${entry.count})` : '';
  return `${when}  ${paint.bad('refused'.padEnd(7))}  ${entry.actorId.padEnd(16)}  ${(entry.proposalId ?? '—').padEnd(12)}  ${entry.reason}  ${entry.detail}${times}`;
}
