import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHoldings } from '../src/market/parse-holdings.js';
import { validatePolicy } from '../src/policy/validate-policy.js';
import { impactWindow } from '../src/policy-diff/impact-window.js';
import { policyImpact } from '../src/policy-diff/policy-impact.js';
import { rebaseHoldings } from '../src/policy-diff/rebase-holdings.js';
import { loadPricePanel } from '../src/workspace/load-price-panel.js';
import { EXAMPLE_PRICES } from '../src/workspace/example-files.js';

const ROOT = join(import.meta.dirname, '../..');

/**
 * The impact half of `ballast diff` for one changed policy: dee-bot with take-profit 20 → 30, both revisions replayed
 * over the default window (the last two years of the bundled prices, 505 sessions) from its example holdings, the
 * proposals compared and the metrics computed. Files are read before timing starts.
 */
export async function benchDiffImpact(): Promise<() => Promise<unknown>> {
  const text = await readFile(join(ROOT, 'policies/dee-bot.yaml'), 'utf8');
  const policy = (source: string) => {
    const result = validatePolicy({ file: 'dee-bot.yaml', text: source });
    if (!result.ok) throw new Error('policies/dee-bot.yaml is not valid');
    return result.policy;
  };
  const before = policy(text);
  const after = policy(text.replace('gain_pct: 20 ', 'gain_pct: 30 '));
  const prices = await loadPricePanel(join(ROOT, 'examples', EXAMPLE_PRICES), ROOT);
  const window = impactWindow(prices);
  const csv = await readFile(join(ROOT, 'examples/holdings/dee-bot.csv'), 'utf8');
  const holdings = rebaseHoldings(parseHoldings('dee-bot.csv', csv).holdings, prices, window.from);
  return () => policyImpact(before, after, prices, { ...window, holdings });
}
