import type { Policy } from '../policy/policy.js';
import type { RunRecord } from '../store/run-record.js';
import type { ApprovalStore } from '../store/approval-store.js';
import type { ProposalRecord } from './proposal-record.js';

/** What opening a run's proposals did: the records added, and the proposals someone already decided (not reopened). */
export interface OpenedProposals {
  readonly opened: ProposalRecord[];
  /** The earlier record of each proposal id that was decided or executed before: its id is never opened again. */
  readonly decidedBefore: ProposalRecord[];
}

/**
 * Puts a recorded run's proposals up for approval: one `pending` record per proposal, created at `now` and expiring
 * `approval.expires_after_hours` later, carrying the policy's mode, dry run and `execution` costs and tolerance.
 * A proposal id that already has a pending, unexpired record (the same trade proposed again by a re-run) keeps that
 * record and its message; it is not proposed twice. A proposal id that was decided before (approved, rejected,
 * executed, stale, failed; found among closed records too, in the archive) is never opened again, so nothing executes
 * twice; one that only expired may be proposed again. `nonce()` gives each new record its 8-character nonce.
 */
export async function openProposalRecords(
  store: ApprovalStore,
  run: RunRecord,
  policy: Policy,
  now: Date,
  nonce: () => string,
): Promise<OpenedProposals> {
  const createdAt = now.toISOString();
  const expiresAt = new Date(now.getTime() + policy.approval.expires_after_hours * 3_600_000).toISOString();
  const added: ProposalRecord[] = [];
  const decidedBefore: ProposalRecord[] = [];
  for (const proposal of run.proposals) {
    const current = await store.findProposalRecord(proposal.id);
    if (current !== undefined && current.status === 'pending' && Date.parse(current.expiresAt) > now.getTime()) continue;
    if (current !== undefined && current.status !== 'pending' && current.status !== 'expired') {
      decidedBefore.push(current);
      continue;
    }
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
  return { opened: added, decidedBefore };
}
