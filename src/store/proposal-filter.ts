import type { ProposalRecord, ProposalStatus } from '../approval/proposal-record.js';

/** Which approval records to list: of one policy, with some statuses, or open for a decision at an instant. */
export interface ProposalFilter {
  readonly policyId?: string;
  readonly statuses?: readonly ProposalStatus[];
  /** Only records `pending` with `expiresAt` after this instant (open for a decision then). */
  readonly openAt?: Date;
}

/** Whether a record passes a {@link ProposalFilter}. */
export function matchesProposalFilter(record: ProposalRecord, filter: ProposalFilter): boolean {
  const open = filter.openAt?.getTime();
  return (
    (filter.policyId === undefined || record.policyId === filter.policyId) &&
    (filter.statuses === undefined || filter.statuses.includes(record.status)) &&
    (open === undefined || (record.status === 'pending' && Date.parse(record.expiresAt) > open))
  );
}
