import type { Policy } from '../policy/policy.js';
import type { RunRecord } from '../store/run-record.js';
import type { ApprovalStore } from '../store/approval-store.js';
import type { ProposalRecord } from './proposal-record.js';

/**
 * Puts a recorded run's proposals up for approval: one `pending` record per proposal, created at `now` and expiring
 * `approval.expires_after_hours` later, carrying the policy's mode, dry run and `execution` costs and tolerance.
 * A proposal id that already has a pending, unexpired record (the same trade proposed again by a re-run) keeps that
 * record and its message; it is not proposed twice. `nonce()` gives each new record its 8-character nonce.
 * Returns the records added (the caller persists).
 */
export function openProposalRecords(
  store: ApprovalStore,
  run: RunRecord,
  policy: Policy,
  now: Date,
  nonce: () => string,
): ProposalRecord[] {
  const createdAt = now.toISOString();
  const expiresAt = new Date(now.getTime() + policy.approval.expires_after_hours * 3_600_000).toISOString();
  const added: ProposalRecord[] = [];
  for (const proposal of run.proposals) {
    const current = store.proposalRecord(proposal.id);
    if (current !== undefined && current.status === 'pending' && Date.parse(current.expiresAt) > now.getTime()) continue;
    const record: ProposalRecord = {
      proposal,
      nonce: nonce(),
      runId: run.id,
      policyId: policy.id,
      policyName: policy.name,
      accountId: policy.account,
      policyRevision: run.policy.revision,
      mode: policy.approval.mode,
      dryRun: policy.dry_run,
      costs: {
        commissionBps: policy.execution.commission_bps,
        commissionMin: policy.execution.commission_min,
        slippageBps: policy.execution.slippage_bps,
      },
      tolerancePct: policy.execution.price_tolerance_pct,
      createdAt,
      expiresAt,
      status: 'pending',
    };
    store.putProposalRecord(record);
    added.push(record);
  }
  return added;
}
