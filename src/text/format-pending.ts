import type { ProposalRecord } from '../approval/proposal-record.js';
import { describeStatus, describeTrade, proposalReason } from './describe-record.js';
import { byStatus, PLAIN, type Paint } from './paint.js';

/**
 * The pending proposals, grouped per bot (in the given order): a heading `name · account id`, then per proposal its
 * id, trade and expiry, and its reason (and an earlier rejection of the same trade) on the next line. Empty for no records.
 */
export function formatPending(pending: readonly ProposalRecord[], paint: Paint = PLAIN): string[] {
  const lines: string[] = [];
  let policyId = '';
  for (const record of pending) {
    if (record.policyId !== policyId) {
      policyId = record.policyId;
      lines.push(paint.heading(`${record.policyName} · account ${record.accountId}${record.dryRun ? ' · dry run' : ''}`));
    }
    lines.push(`  ${paint.id(record.proposal.id)}  ${describeTrade(record)}  (${byStatus(paint, record.status, describeStatus(record))})\n      ${proposalReason(record.proposal)}`);
  }
  return lines;
}
