import type { QuoteSource } from '../../src/approval/approval-service.js';
import { openProposalRecords } from '../../src/approval/open-proposal-records.js';
import type { ProposalRecord } from '../../src/approval/proposal-record.js';
import type { Proposal } from '../../src/engine/proposal.js';
import { seedAccount } from '../../src/portfolio/seed-account.js';
import type { NewRun, RunRecord } from '../../src/store/run-record.js';
import { Store } from '../../src/store/store.js';
import { policyFrom } from '../support/policy-fixtures.js';

/** The instant proposals are opened at in these tests. */
export const T0 = new Date('2026-11-21T12:00:00Z');

/** `minutes` after T0. */
export function at(minutes: number): Date {
  return new Date(T0.getTime() + minutes * 60_000);
}

/** A sell proposal of `quantity` shares of `symbol` at `price` (the store numbers it when its run is recorded). */
export function sellProposal(symbol: string, quantity: number, price: number): Proposal {
  return {
    policyId: 'test-bot', kind: 'cut_loss', action: 'exit', ruleId: 'cut_loss', symbol, side: 'sell', quantity, price,
    notional: Math.round(quantity * price * 100) / 100, weightBeforePct: 10, weightAfterPct: 0, reason: 'down 12% since entry', alsoFired: [], tags: [],
  };
}

/**
 * An in-memory store with account `paper` holding 100 AAA (cost 50) and 40 BBB (cost 20) plus 1,000.00 cash, and a
 * run (`run-000001`) whose proposals (`p-000001-1` sell 100 AAA at 60, `p-000001-2` sell 40 BBB at 25 by default)
 * are pending from T0. `run` overrides parts
 * of the recorded run (what the limits dropped, …).
 */
export async function storeWithPending(
  policyYaml = 'approval: { expires_after_hours: 2 }\nexecution: { commission_bps: 10, commission_min: 1, slippage_bps: 5, price_tolerance_pct: 2 }\n',
  proposals: Proposal[] = [sellProposal('AAA', 100, 60), sellProposal('BBB', 40, 25)],
  run: Partial<Pick<NewRun, 'dropped' | 'rebalance'>> = {},
): Promise<{ store: Store; records: ProposalRecord[] }> {
  const store = await Store.inMemory();
  store.putAccount(seedAccount({
    accountId: 'paper', baseCurrency: 'USD', at: '2026-11-01T00:00:00.000Z',
    holdings: { cash: 1000, positions: [
      { symbol: 'AAA', quantity: 100, averageCost: 50, openedDate: '2026-10-01' },
      { symbol: 'BBB', quantity: 40, averageCost: 20, openedDate: '2026-10-02' },
    ] },
  }));
  const policy = policyFrom(policyYaml);
  const recorded: RunRecord = await store.recordRun({
    policy: { policyId: policy.id, file: 'test.yaml', revision: 'abc1234', contentHash: '0'.repeat(64) },
    policySnapshot: policy, initiator: 'cli', asOf: '2026-11-20', evaluatedAt: '2026-11-20T21:00:00.000Z',
    inputs: { holdingsFile: 'h.csv', pricesFile: 'p.csv', cash: 1000, equity: 8000, positions: [
      { symbol: 'AAA', quantity: 100, average_cost: 50, opened_date: '2026-10-01', price: 60, market_value: 6000, weight_pct: 75, unrealized_pnl: 1000, unrealized_pnl_pct: 20, days_held: 50, move_since_entry_pct: 20, equity: 8000, cash: 1000 },
      { symbol: 'BBB', quantity: 40, average_cost: 20, opened_date: '2026-10-02', price: 25, market_value: 1000, weight_pct: 12.5, unrealized_pnl: 200, unrealized_pnl_pct: 25, days_held: 49, move_since_entry_pct: 25, equity: 8000, cash: 1000 },
    ] },
    proposals, dropped: [], metrics: { tradeCount: 0, turnoverPct: 0, maxDriftBeforePp: null, maxDriftAfterPp: null, budgetUsedPct: null },
    ...run,
  });
  let n = 0;
  const { opened: records } = openProposalRecords(store, recorded, policy, T0, () => `nonce${String(++n).padStart(3, '0')}`);
  await store.persist();
  return { store, records };
}

/** Quotes from a fixed table. */
export function quotes(table: Record<string, number>): QuoteSource {
  return (symbol) => table[symbol];
}

/** A Telegram approver and a CLI user. */
export const ANA = { id: 'telegram:1001', name: 'Ana', channel: 'telegram' } as const;
export const BEN = { id: 'cli:ben', name: 'ben', channel: 'cli' } as const;
