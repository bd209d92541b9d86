import type { EarlierRejection } from '../engine/proposal.js';
import type { ProposalRecord } from './proposal-record.js';

/**
 * What an evaluation of a policy is told about rejections (`EvaluationHistory.rejections`): per symbol and side, the
 * latest decision a person or `auto` took on the policy's proposals among `records`, when it was a rejection. A later
 * approval of the same trade clears it; an expiry decides nothing and is skipped. Pure.
 */
export function earlierRejections(records: readonly ProposalRecord[], policyId: string): EarlierRejection[] {
  const latest = new Map<string, ProposalRecord>();
  for (const record of records) {
    const decision = record.decision;
    if (record.policyId !== policyId || decision === undefined || decision.decision === 'expire') continue;
    const key = `${record.proposal.symbol} ${record.proposal.side}`;
    const seen = latest.get(key)?.decision;
    if (seen === undefined || seen.at <= decision.at) latest.set(key, record);
  }
  return [...latest.values()].flatMap(({ proposal, decision }) =>
    decision!.decision === 'reject'
      ? [{ symbol: proposal.symbol, side: proposal.side, proposalId: proposal.id, at: decision!.at, actorName: decision!.actorName, channel: decision!.channel }]
      : [],
  );
}
