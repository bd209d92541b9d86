import { join } from 'node:path';
import { replayPolicy } from '../src/replay/replay-policy.js';
import { runAsOf } from '../src/run/run-as-of.js';
import { validPolicy } from '../src/run/valid-policy.js';
import { Store } from '../src/store/store.js';
import { loadPolicyFile } from '../src/workspace/load-policy-file.js';
import { loadPricePanel } from '../src/workspace/load-price-panel.js';

const ROOT = join(import.meta.dirname, '../..');

/**
 * One live evaluation of `policies/multi-factor.yaml` on the bundled Dow 30 as of 2001-01-02, the session after a
 * recorded run (so the sleeves are marked, the daily strategy rebalances and the others hold): holdings read,
 * prices, the three strategies, the allocation, the combination and the rebalance, as a preview. Goal: < 50 ms.
 */
export async function benchStrategiesLive(): Promise<() => Promise<unknown>> {
  const prices = await loadPricePanel(join(ROOT, 'examples/prices/dow30-daily-1991-2000.csv'), ROOT);
  const loaded = await loadPolicyFile(join(ROOT, 'policies/multi-factor.yaml'), ROOT);
  const store = await Store.inMemory();
  const holdings = { kind: 'account' as const, store, examples: join(ROOT, 'examples'), cwd: ROOT };
  await runAsOf(loaded, prices, { asOf: '2000-12-29', holdings, store, record: 'main-job' });
  return () => runAsOf(loaded, prices, { asOf: '2001-01-02', holdings, store });
}

/**
 * A replay of `policies/multi-factor.yaml` over the bundled Dow 30's ten years (2,529 sessions, an evaluation every
 * session: three strategies, the allocation, the rebalance, fills, the sleeves' accounting), from 100,000 USD of cash.
 * Goal: < 1 s.
 */
export async function benchStrategiesReplay(): Promise<() => Promise<unknown>> {
  const prices = await loadPricePanel(join(ROOT, 'examples/prices/dow30-daily-1991-2000.csv'), ROOT);
  const policy = validPolicy(await loadPolicyFile(join(ROOT, 'policies/multi-factor.yaml'), ROOT));
  return () => replayPolicy(policy, prices);
}
