import type { ApprovalStore } from './approval-store.js';
import { matchesProposalFilter } from './proposal-filter.js';
import type { StoreContext } from './store-context.js';

/**
 * The {@link ApprovalStore}: open and recently closed proposal records in the hot state, older closed ones in the
 * archive; refusals go straight to the archive's audit log with the next write.
 */
export function approvalRecords(context: StoreContext): ApprovalStore {
  const { data, archive } = context;
  return {
    proposalRecord: (proposalId) => data.proposals.findLast((record) => record.proposal.id === proposalId),
    async findProposalRecord(proposalId) {
      await context.flushed();
      return data.proposals.findLast((record) => record.proposal.id === proposalId) ?? (await archive.proposalRecord(proposalId));
    },
    async allProposalRecords() {
      await context.flushed();
      const hot = new Set(data.proposals.map((r) => `${r.proposal.id} ${r.nonce}`));
      const archived = (await archive.proposalRecords()).filter((r) => !hot.has(`${r.proposal.id} ${r.nonce}`));
      return [...archived, ...data.proposals].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    proposalRecords: (filter = {}) => data.proposals.filter((record) => matchesProposalFilter(record, filter)),
    putProposalRecord: (record) =>
      context.change((d) => {
        const index = d.proposals.findIndex((r) => r.proposal.id === record.proposal.id && r.nonce === record.nonce);
        if (index < 0) d.proposals.push(record);
        else d.proposals[index] = record;
      }),
    recordRefusal: (refusal) => context.change((_, outbox) => outbox.refusals.push(refusal)),
    async listRefusals() {
      await context.flushed();
      return archive.refusals();
    },
    isPaused: (policyId) => data.paused[policyId] !== undefined,
    pauseOf: (policyId) => data.paused[policyId],
    setPaused: (policyId, paused, by) =>
      context.change((d) => {
        if (paused) d.paused[policyId] = { actorId: by.actorId, at: by.at, reason: by.reason };
        else delete d.paused[policyId];
      }),
    persist: () => context.flushed(),
  };
}
