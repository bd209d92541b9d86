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

  it('should not open a second pending record when a re-run proposes the same trade, but should after a decision', async () => {
    const { store } = await storeWithPending();
    const run = (await store.getRun('run-000001'))!;
    const policy = policyFrom('approval: { expires_after_hours: 2 }\n');
    expect(openProposalRecords(store, run, policy, at(10), () => 'second01')).toEqual([]);
    await new ApprovalService(store, quotes({ AAA: 60 })).reject('p-aaa0000001', ANA, at(11));
    const reopened = openProposalRecords(store, run, policy, at(12), () => 'third001');
    expect(reopened.map((r) => r.proposal.id)).toEqual(['p-aaa0000001']);
    expect(store.proposalRecord('p-aaa0000001')).toMatchObject({ nonce: 'third001', status: 'pending' });
    expect(store.proposalRecords({ statuses: ['rejected'] })).toHaveLength(1);
  });
});
