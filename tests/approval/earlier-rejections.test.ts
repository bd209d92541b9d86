import { describe, expect, it } from 'vitest';
import { ApprovalService } from '../../src/approval/approval-service.js';
import { earlierRejections } from '../../src/approval/earlier-rejections.js';
import { ANA, BEN, at, quotes, sellProposal, storeWithPending } from './approval-fixtures.js';

describe('earlierRejections', () => {
  it('should give the last rejection of each symbol and side with who and when, and forget one approved since', async () => {
    const { store } = await storeWithPending(undefined, [sellProposal('AAA', 10, 60), sellProposal('BBB', 40, 25), sellProposal('AAA', 10, 60)]);
    const service = new ApprovalService(store, quotes({ AAA: 60, BBB: 25 }));
    await service.reject('p-000001-1', ANA, at(1));
    await service.reject('p-000001-2', BEN, at(2));
    expect(earlierRejections(store.proposalRecords(), 'test-bot')).toEqual([
      { symbol: 'AAA', side: 'sell', proposalId: 'p-000001-1', at: at(1).toISOString(), actorName: 'Ana', channel: 'telegram' },
      { symbol: 'BBB', side: 'sell', proposalId: 'p-000001-2', at: at(2).toISOString(), actorName: 'ben', channel: 'cli' },
    ]);
    await service.approve('p-000001-3', BEN, at(3));
    expect(earlierRejections(store.proposalRecords(), 'test-bot').map((r) => r.symbol)).toEqual(['BBB']);
    expect(earlierRejections(store.proposalRecords(), 'another-bot')).toEqual([]);
  });

  it('should not count an expiry as a decision', async () => {
    const { store } = await storeWithPending();
    await new ApprovalService(store, quotes({})).expireDue(at(121));
    expect(earlierRejections(store.proposalRecords(), 'test-bot')).toEqual([]);
  });
});
