import { describe, expect, it } from 'vitest';
import { ApprovalService } from '../../src/approval/approval-service.js';
import { ANA, at, quotes, storeWithPending } from '../approval/approval-fixtures.js';

describe('Store.proposalRecords openAt', () => {
  it('should list only proposals still open for a decision at that instant, whether or not their expiry was recorded', async () => {
    const { store } = await storeWithPending(); // two proposals pending from T0, expiring after 2 hours
    await new ApprovalService(store, quotes({ AAA: 60 })).reject('p-000001-1', ANA, at(1));
    expect(store.proposalRecords({ openAt: at(119) }).map((r) => r.proposal.id)).toEqual(['p-000001-2']);
    expect(store.proposalRecords({ openAt: at(120) })).toEqual([]); // at expiresAt it is no longer open
    expect(store.proposalRecords({ statuses: ['pending'] }).map((r) => r.proposal.id)).toEqual(['p-000001-2']); // expiry not recorded yet
  });
});
