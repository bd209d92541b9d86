import { describe, expect, it } from 'vitest';
import { ApprovalService } from '../../src/approval/approval-service.js';
import { checkInvariants } from '../../src/portfolio/check-invariants.js';
import type { AccountState } from '../../src/portfolio/account-state.js';
import { ANA, at, BEN, quotes, sellProposal, storeWithPending } from './approval-fixtures.js';

const AT_PROPOSAL = quotes({ AAA: 60, BBB: 25 });

describe('ApprovalService', () => {
  it('should execute an approved proposal at the re-checked price with costs and store the decision and the ledger', async () => {
    const { store } = await storeWithPending();
    const service = new ApprovalService(store, quotes({ AAA: 60.6, BBB: 25 }));
    const result = await service.approve('p-000001-1', ANA, at(5));
    expect(result).toMatchObject({
      result: 'decided',
      record: {
        status: 'executed',
        decision: { decision: 'approve', actorId: 'telegram:1001', channel: 'telegram', at: '2026-11-21T12:05:00.000Z', policyRevision: 'abc1234' },
        execution: { quote: 60.6, fill: { side: 'sell', quantity: 100, notional: 6056.97, commission: 6.06, slippageCost: 3.03 } },
      },
    });
    // fill 60.6 × (1 − 5 bps) = 60.5697; notional 6,056.97; commission max(1, 10 bps) = 6.06; realized 6056.97 − 5000 − 6.06
    const account = store.account('paper') as AccountState;
    expect(account).toMatchObject({ cash: 1000 + 6056.97 - 6.06, realizedPnl: 1050.91, commissionsPaid: 6.06 });
    expect(account.lots.map((l) => l.symbol)).toEqual(['BBB']);
    expect(checkInvariants(account, { BBB: 25 })).toEqual([]);
  });

  it('should let the first decision win and answer a second one with what already happened', async () => {
    const { store } = await storeWithPending();
    const service = new ApprovalService(store, AT_PROPOSAL);
    await service.reject('p-000001-1', BEN, at(1));
    const second = await service.approve('p-000001-1', ANA, at(2));
    expect(second).toMatchObject({ result: 'already_decided', record: { status: 'rejected', decision: { actorId: 'cli:ben' } } });
    expect(store.account('paper')!.trades).toHaveLength(0);
    expect((await store.listRefusals())).toMatchObject([{ reason: 'already_decided', actorId: 'telegram:1001', proposalId: 'p-000001-1' }]);
  });

  it('should give exactly one decision and at most one execution when approve and reject race', async () => {
    const { store } = await storeWithPending();
    const service = new ApprovalService(store, AT_PROPOSAL);
    const results = await Promise.all([
      service.approve('p-000001-1', ANA, at(1)),
      service.reject('p-000001-1', BEN, at(1)),
      service.approve('p-000001-1', BEN, at(1)),
    ]);
    expect(results.map((r) => r.result)).toEqual(['decided', 'already_decided', 'already_decided']);
    expect(store.account('paper')!.trades).toHaveLength(1);
    expect(store.proposalRecord('p-000001-1')).toMatchObject({ status: 'executed', decision: { actorId: 'telegram:1001' } });
  });

  it('should expire a proposal past its deadline instead of executing it, with the reason stored', async () => {
    const { store } = await storeWithPending();
    const service = new ApprovalService(store, AT_PROPOSAL);
    const result = await service.approve('p-000001-1', ANA, at(120));
    expect(result).toMatchObject({ result: 'expired', record: { status: 'expired', outcome: { code: 'EXPIRED' }, decision: { decision: 'expire', channel: 'system' } } });
    expect(store.account('paper')!.trades).toHaveLength(0);
    expect(await service.expireDue(at(121))).toMatchObject([{ proposal: { id: 'p-000001-2' }, status: 'expired' }]);
  });

  it('should mark a proposal stale when the price moved past the tolerance, and execute within it', async () => {
    const { store } = await storeWithPending();
    const service = new ApprovalService(store, quotes({ AAA: 61.21, BBB: 25.5 }));
    expect(await service.approve('p-000001-1', ANA, at(1))).toMatchObject({ record: { status: 'stale', outcome: { code: 'PRICE_MOVED' } } });
    expect(await service.approve('p-000001-2', ANA, at(1))).toMatchObject({ record: { status: 'executed', execution: { quote: 25.5 } } });
    expect(store.account('paper')!.trades.map((t) => t.symbol)).toEqual(['BBB']);
  });

  it('should fail without executing when there is no quote or the account cannot fill', async () => {
    const { store } = await storeWithPending(undefined, [sellProposal('CCC', 1, 10), sellProposal('AAA', 500, 60)]);
    const service = new ApprovalService(store, quotes({ AAA: 60 }));
    expect(await service.approve('p-000001-1', ANA, at(1))).toMatchObject({ record: { status: 'failed', outcome: { code: 'NO_QUOTE' } } });
    expect(await service.approve('p-000001-2', ANA, at(1))).toMatchObject({ record: { status: 'failed', outcome: { code: 'INSUFFICIENT_QUANTITY' } } });
    expect(store.account('paper')!.trades).toHaveLength(0);
  });

  it('should record but never execute under dry_run', async () => {
    const { store } = await storeWithPending('dry_run: true\n');
    const service = new ApprovalService(store, AT_PROPOSAL);
    expect(await service.approve('p-000001-1', ANA, at(1))).toMatchObject({ result: 'decided', record: { status: 'approved', outcome: { code: 'DRY_RUN' } } });
    expect(store.account('paper')!.trades).toHaveLength(0);
  });

  it('should refuse to approve while paused, and refuse unknown ids and replayed nonces, storing each reason', async () => {
    const { store } = await storeWithPending();
    const service = new ApprovalService(store, AT_PROPOSAL);
    store.setPaused('test-bot', true, { actorId: 'telegram:1001', at: at(0).toISOString(), reason: '/pause' });
    await expect(service.approve('p-000001-1', ANA, at(1))).rejects.toMatchObject({ code: 'PAUSED' });
    await expect(service.approve('p-zzz', ANA, at(1))).rejects.toMatchObject({ code: 'UNKNOWN_PROPOSAL' });
    await expect(service.reject('p-000001-1', ANA, at(1), { nonce: 'old00000' })).rejects.toMatchObject({ code: 'REPLAYED' });
    expect((await store.listRefusals()).map((r) => r.reason)).toEqual(['paused', 'unknown_proposal', 'replayed']);
    expect(store.proposalRecord('p-000001-1')).toMatchObject({ status: 'pending' });
  });

  it('should stop loudly, mark the proposal failed and pause the policy when an accounting invariant breaks', async () => {
    const { store } = await storeWithPending();
    const broken = store.account('paper')!;
    store.putAccount({ ...broken, initialCapital: broken.initialCapital + 1 });
    const service = new ApprovalService(store, AT_PROPOSAL);
    await expect(service.approve('p-000001-1', ANA, at(1))).rejects.toMatchObject({ code: 'ACCOUNTING_INVARIANT' });
    expect(store.proposalRecord('p-000001-1')).toMatchObject({ status: 'failed', outcome: { code: 'ACCOUNTING_INVARIANT' } });
    expect(store.isPaused('test-bot')).toBe(true);
    expect(store.account('paper')!.trades).toHaveLength(0);
  });
});
