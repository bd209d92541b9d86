import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApprovalService } from '../../src/approval/approval-service.js';
import { openProposalRecords } from '../../src/approval/open-proposal-records.js';
import type { Proposal } from '../../src/engine/proposal.js';
import { checkInvariants } from '../../src/portfolio/check-invariants.js';
import { seedAccount } from '../../src/portfolio/seed-account.js';
import { Store } from '../../src/store/store.js';
import { policyFrom } from '../support/policy-fixtures.js';
import { ANA, at } from './approval-fixtures.js';

const SYMBOLS = ['AAA', 'BBB', 'CCC'] as const;

const step = fc.record({
  symbol: fc.constantFrom(...SYMBOLS),
  side: fc.constantFrom('buy' as const, 'sell' as const),
  fraction: fc.double({ min: 0.01, max: 1.2, noNaN: true }),
  move: fc.double({ min: -0.05, max: 0.05, noNaN: true }),
  decision: fc.constantFrom('approve' as const, 'reject' as const),
});

describe('ApprovalService (property)', () => {
  it('should keep every accounting invariant to 1e-9 through random approvals of buys, sells and partial sells with price moves and fees', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 25 }),
        fc.record({ commission_bps: fc.integer({ min: 0, max: 50 }), commission_min: fc.integer({ min: 0, max: 500 }).map((c) => c / 100), slippage_bps: fc.integer({ min: 0, max: 100 }) }),
        async (steps, costs) => {
          const store = await Store.inMemory();
          store.putAccount(seedAccount({ accountId: 'paper', baseCurrency: 'USD', at: '2026-11-01T00:00:00.000Z', holdings: { cash: 50_000, positions: [
            { symbol: 'AAA', quantity: 100, averageCost: 50.17, openedDate: '2026-10-01' },
            { symbol: 'BBB', quantity: 33, averageCost: 120.333, openedDate: '2026-10-02' },
          ] } }));
          const policy = policyFrom(`approval: { expires_after_hours: 100 }\nexecution: { commission_bps: ${costs.commission_bps}, commission_min: ${costs.commission_min}, slippage_bps: ${costs.slippage_bps}, price_tolerance_pct: 3 }\n`);
          const prices: Record<string, number> = { AAA: 61.37, BBB: 118.05, CCC: 9.99 };
          const service = new ApprovalService(store, (symbol) => prices[symbol]);
          for (const [i, s] of steps.entries()) {
            const held = store.account('paper')!.lots.filter((l) => l.symbol === s.symbol).reduce((q, l) => q + l.quantity, 0);
            const quantity = s.side === 'sell' ? Math.max(1, Math.floor(held * s.fraction)) : Math.max(1, Math.floor(100 * s.fraction));
            const proposal: Proposal = { policyId: policy.id, kind: 'rebalance', action: s.side === 'buy' ? 'buy' : 'trim', ruleId: 'r', symbol: s.symbol, side: s.side, quantity, price: prices[s.symbol]!, notional: 0, weightBeforePct: 0, weightAfterPct: 0, reason: '', alsoFired: [], tags: [] };
            const run = await store.recordRun({ policy: { policyId: policy.id, file: 't.yaml', revision: 'r', contentHash: '' }, policySnapshot: policy, initiator: 'cli', asOf: '2026-11-20', evaluatedAt: at(i).toISOString(), inputs: { holdingsFile: '', pricesFile: '', cash: 0, equity: 0, positions: [] }, proposals: [proposal], dropped: [], metrics: { tradeCount: 0, turnoverPct: 0, maxDriftBeforePp: null, maxDriftAfterPp: null, budgetUsedPct: null } });
            openProposalRecords(store, run, policy, at(i), () => `n${i}`);
            const id = run.proposals[0]!.id;
            prices[s.symbol] = Math.round(prices[s.symbol]! * (1 + s.move) * 100) / 100;
            const result = s.decision === 'approve' ? await service.approve(id, ANA, at(i + 0.5)) : await service.reject(id, ANA, at(i + 0.5));
            expect(['executed', 'stale', 'failed', 'rejected']).toContain(result.record.status);
            seen.add(`${result.record.status}:${s.side}`);
            expect(checkInvariants(store.account('paper')!, prices, 1e-9)).toEqual([]);
          }
        },
      ),
      { numRuns: 60, seed: 20_261_121 } // fixed seed: the coverage check below must not depend on luck,
    );
    expect([...seen]).toEqual(expect.arrayContaining(['executed:buy', 'executed:sell', 'stale:buy', 'rejected:sell']));
  });
});
