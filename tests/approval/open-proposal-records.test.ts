import { describe, expect, it } from 'vitest';
import { ApprovalService } from '../../src/approval/approval-service.js';
import { openProposalRecords } from '../../src/approval/open-proposal-records.js';
import { policyFrom } from '../support/policy-fixtures.js';
import { ANA, at, quotes, storeWithPending } from './approval-fixtures.js';

describe('openProposalRecords', () => {
  it('should open pending records with the policy costs, tolerance, revision and expiry', async () => {
    const { records } = await storeWithPending();
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      status: 'pending', nonce: 'nonce001', runId: 'run-000001', accountId: 'paper', policyRevision: 'abc1234', mode: 'cli', dryRun: false,
      costs: { commissionBps: 10, commissionMin: 1, slippageBps: 5 }, tolerancePct: 2,
      createdAt: '2026-11-21T12:00:00.000Z', expiresAt: '2026-11-21T14:00:00.000Z',
    });
  });

  it('should not open a second pending record when a re-run proposes a trade still pending, and say which one to decide', async () => {
    const { store } = await storeWithPending();
    const first = (await store.getRun('run-000001'))!;
    const policy = policyFrom('approval: { expires_after_hours: 2 }\n');
    const { id: _run, ...recorded } = first;
    const rerun = await store.recordRun({ ...recorded, proposals: first.proposals.map(({ id: _id, ...p }) => p) });
    const again = openProposalRecords(store, rerun, policy, at(10), () => 'second01');
    expect(again.opened).toEqual([]);
    expect(again.alreadyPending).toMatchObject([
      { proposal: { id: 'p-000002-1' }, pending: { proposal: { id: 'p-000001-1' }, runId: 'run-000001' } },
      { proposal: { id: 'p-000002-2' }, pending: { proposal: { id: 'p-000001-2' }, runId: 'run-000001' } },
    ]);
    expect(store.proposalRecords({ statuses: ['pending'] })).toHaveLength(2);
  });

  it('should open a trade again under the new run\'s id once the earlier proposal was decided or expired', async () => {
    const { store } = await storeWithPending();
    const first = (await store.getRun('run-000001'))!;
    const policy = policyFrom('approval: { expires_after_hours: 2 }\n');
    await new ApprovalService(store, quotes({ AAA: 60 })).reject('p-000001-1', ANA, at(11));
    await new ApprovalService(store, quotes({})).expireDue(at(121));
    const { id: _run, ...recorded } = first;
    const rerun = await store.recordRun({ ...recorded, proposals: first.proposals.map(({ id: _id, ...p }) => p) });
    const again = openProposalRecords(store, rerun, policy, at(122), () => 'fresh001');
    expect(again.opened.map((r) => [r.proposal.id, r.runId, r.nonce, r.status])).toEqual([['p-000002-1', 'run-000002', 'fresh001', 'pending'], ['p-000002-2', 'run-000002', 'fresh001', 'pending']]);
    expect(store.proposalRecord('p-000001-1')).toMatchObject({ status: 'rejected' });
    expect(store.proposalRecord('p-000001-2')).toMatchObject({ status: 'expired' });
  });
});
