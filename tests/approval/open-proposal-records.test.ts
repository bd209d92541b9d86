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

  it('should not open a second pending record when a re-run proposes the same trade, nor ever reopen a decided one', async () => {
    const { store } = await storeWithPending();
    const run = (await store.getRun('run-000001'))!;
    const policy = policyFrom('approval: { expires_after_hours: 2 }\n');
    expect((await openProposalRecords(store, run, policy, at(10), () => 'second01')).opened).toEqual([]);
    await new ApprovalService(store, quotes({ AAA: 60 })).reject('p-aaa0000001', ANA, at(11));
    const again = await openProposalRecords(store, run, policy, at(12), () => 'third001');
    expect(again.opened).toEqual([]);
    expect(again.decidedBefore).toMatchObject([{ proposal: { id: 'p-aaa0000001' }, status: 'rejected', nonce: 'nonce001' }]);
    expect(store.proposalRecords().filter((r) => r.proposal.id === 'p-aaa0000001')).toHaveLength(1);
  });

  it('should propose again a trade whose proposal only expired, with a fresh nonce', async () => {
    const { store } = await storeWithPending();
    const run = (await store.getRun('run-000001'))!;
    const policy = policyFrom('approval: { expires_after_hours: 2 }\n');
    await new ApprovalService(store, quotes({})).expireDue(at(121));
    const again = await openProposalRecords(store, run, policy, at(122), () => 'fresh001');
    expect(again.opened.map((r) => [r.proposal.id, r.nonce])).toEqual([['p-aaa0000001', 'fresh001'], ['p-bbb0000002', 'fresh001']]);
  });

  it('should never reopen a proposal decided so long ago that its record is in the archive', async () => {
    const { store } = await storeWithPending();
    const run = (await store.getRun('run-000001'))!;
    const policy = policyFrom('approval: { expires_after_hours: 2 }\n');
    await new ApprovalService(store, quotes({ AAA: 60 })).approve('p-aaa0000001', ANA, at(1));
    for (let i = 0; i < 150; i++) {
      const filler = { ...store.proposalRecord('p-bbb0000002')!, proposal: { ...run.proposals[1]!, id: `p-fill${String(i).padStart(5, '0')}` }, nonce: `f${i}`, status: 'rejected' as const };
      store.putProposalRecord(filler);
    }
    await store.persist();
    expect(store.proposalRecord('p-aaa0000001')).toBeUndefined(); // moved to the archive
    const again = await openProposalRecords(store, run, policy, at(2), () => 'late0001');
    expect(again.decidedBefore).toMatchObject([{ proposal: { id: 'p-aaa0000001' }, status: 'executed' }]);
    expect(again.opened).toEqual([]);
  });
});
