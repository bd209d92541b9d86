import { describeStatus, describeTrade, proposalReason } from './describe-record.js';
import type { ProposalRecord } from '../approval/proposal-record.js';

/**
 * The pending proposals, grouped per bot (in the given order): a heading `name · account id`, then per proposal its
 * id, trade and expiry, and its reason (and an earlier rejection of the same trade) on the next line. Empty for no records.
 */
export function formatPending(pending: readonly ProposalRecord[]): string[] {
  const lines: string[] = [];
  let policyId = '';
  for (const record of pending) {
    if (record.policyId !== policyId) {
      policyId = record.policyId;
      lines.push(`${record.policyName} · account ${record.accountId}${record.dryRun ? ' · dry run' : ''}`);
    }
    lines.push(`  ${record.proposal.id}  ${describeTrade(record)}  (${describeStatus(record)})\n      ${proposalReason(record.proposal)}`);
  }
  return lines;
}
