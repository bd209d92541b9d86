import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openProposalRecords } from '../../src/approval/open-proposal-records.js';
import type { Proposal } from '../../src/engine/proposal.js';
import { validatePolicy } from '../../src/policy/validate-policy.js';
import { seedAccount } from '../../src/portfolio/seed-account.js';
import { Store } from '../../src/store/store.js';

/** A data folder with `count` pending sell proposals, and the price file their approvals re-check against. */
export interface SeededApprovals {
  readonly dataDir: string;
  readonly pricesFile: string;
  /** Proposal ids, `p-000001-1` …, one per symbol `S00001` … */
  readonly ids: readonly string[];
}

/**
 * Seeds `<dir>/.ballast` with paper account `paper` holding 10 shares of each of `count` symbols (cost 10) and one
 * recorded run proposing to sell each of them at 10, pending for 30 days from `openedAt`; writes `<dir>/prices.csv`
 * closing every symbol at 10 on 2000-01-03. Approving any of them executes one sell of 10 shares.
 */
export async function seedApprovals(dir: string, count: number, openedAt: Date = new Date()): Promise<SeededApprovals> {
  const symbols = Array.from({ length: count }, (_, i) => `S${String(i + 1).padStart(5, '0')}`);
  const pricesFile = join(dir, 'prices.csv');
  await writeFile(pricesFile, `date,${symbols.join(',')}\n2000-01-03,${symbols.map(() => '10').join(',')}\n`);
  const text = 'version: 1\nid: race-bot\naccount: paper\napproval: { expires_after_hours: 720 }\nexecution: { commission_bps: 0, commission_min: 0, slippage_bps: 0 }\n';
  const validation = validatePolicy({ file: 'race-bot.yaml', text });
  if (!validation.ok) throw new Error('the race-bot policy is invalid');
  const policy = validation.policy;
  const dataDir = join(dir, '.ballast');
  const store = await Store.open(dataDir, 'seed');
  try {
    store.putAccount(seedAccount({
      accountId: 'paper', baseCurrency: 'USD', at: '2000-01-03T00:00:00.000Z',
      holdings: { cash: 0, positions: symbols.map((symbol) => ({ symbol, quantity: 10, averageCost: 10, openedDate: '2000-01-03' })) },
    }));
    const proposals = symbols.map((symbol): Proposal => ({
      policyId: policy.id, kind: 'cut_loss', action: 'exit', ruleId: 'cut_loss', symbol, side: 'sell',
      quantity: 10, price: 10, notional: 100, weightBeforePct: 100 / count, weightAfterPct: 0, reason: 'race', alsoFired: [], tags: ['cut_loss'],
    }));
    const run = await store.recordRun({
      policy: { policyId: policy.id, file: 'race-bot.yaml', revision: 'bench', contentHash: '0'.repeat(64) },
      policySnapshot: policy, initiator: 'cli', asOf: '2000-01-03', evaluatedAt: '2000-01-03T21:00:00.000Z',
      inputs: { holdingsFile: 'account paper', pricesFile: 'prices.csv', cash: 0, equity: 100 * count, positions: [] },
      proposals, dropped: [], metrics: { tradeCount: count, turnoverPct: 100, maxDriftBeforePp: null, maxDriftAfterPp: null, budgetUsedPct: null },
    });
    let n = 0;
    openProposalRecords(store, run, policy, openedAt, () => `n${String(++n).padStart(7, '0')}`);
    await store.persist();
    return { dataDir, pricesFile, ids: run.proposals.map((p) => p.id) };
  } finally {
    await store.close();
  }
}
