import type { RecordedProposal } from '../engine/proposal.js';
import type { Policy } from '../policy/policy.js';
import type { RunRecord } from '../store/run-record.js';
import type { ApprovalStore } from '../store/approval-store.js';
import type { ProposalRecord } from './proposal-record.js';

/** A proposal of the run not opened because an earlier run's proposal of the same trade is still pending. */
export interface AlreadyPending {
  readonly proposal: RecordedProposal;
  /** The pending record of the earlier proposal, the one to decide. */
  readonly pending: ProposalRecord;
}

/** What opening a run's proposals did: the records added, and the proposals already pending from an earlier run. */
export interface OpenedProposals {
  readonly opened: ProposalRecord[];
  readonly alreadyPending: AlreadyPending[];
}

/**
 * Puts a recorded run's proposals up for approval: one `pending` record per proposal, created at `now` and expiring
 * `approval.expires_after_hours` later, carrying the policy's mode, dry run and `execution` costs and tolerance.
 * Every recorded proposal has an id of its own (`p-<run number>-<n>`), so a decision never applies to another run's
 * proposal. A trade still pending, unexpired, from an earlier run of the policy (same rule, symbol, side, quantity and
 * price: a re-run on the same data) keeps that record and its message and is not opened twice, so it cannot be approved
 * twice. `nonce()` gives each new record its 8-character nonce.
 */
export function openProposalRecords(
  store: ApprovalStore,
  run: RunRecord,
  policy: Policy,
  now: Date,
  nonce: () => string,
): OpenedProposals {
  const createdAt = now.toISOString();
  const expiresAt = new Date(now.getTime() + policy.approval.expires_after_hours * 3_600_000).toISOString();
  const added: ProposalRecord[] = [];
  const alreadyPending: AlreadyPending[] = [];
  const open = store.proposalRecords({ policyId: policy.id, openAt: now });
  for (const proposal of run.proposals) {
    const pending = open.find((record) => sameTrade(record.proposal, proposal));
    if (pending !== undefined) {
      alreadyPending.push({ proposal, pending });
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
  return { opened: added, alreadyPending };
}

function sameTrade(a: RecordedProposal, b: RecordedProposal): boolean {
  return a.ruleId === b.ruleId && a.symbol === b.symbol && a.side === b.side && a.quantity === b.quantity && a.price === b.price;
}
