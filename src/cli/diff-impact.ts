import { access } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseHoldings } from '../market/parse-holdings.js';
import type { PricePanel } from '../market/price-panel.js';
import type { Holdings } from '../portfolio/holdings.js';
import type { PolicyDiff, PolicySetDiff } from '../policy-diff/diff-policy-sets.js';
import type { ImpactReport } from '../policy-diff/impact-report.js';
import { impactWindow } from '../policy-diff/impact-window.js';
import { policyImpact } from '../policy-diff/policy-impact.js';
import { rebaseHoldings } from '../policy-diff/rebase-holdings.js';
import { DEFAULT_REPLAY_CAPITAL } from '../replay/replay-policy.js';
import type { FillTiming } from '../replay/replay-result.js';
import { exampleHoldings } from '../workspace/example-files.js';
import { loadPricePanel } from '../workspace/load-price-panel.js';
import { readInput } from '../workspace/read-input.js';
import type { CliIo } from './cli-io.js';
import { examplePrices } from './evaluation-inputs.js';

/** What `ballast diff` replays each changed policy over (its impact options). */
export interface ImpactRequest {
  /** `YYYY-MM-DD`; default the last two years of the prices. */
  readonly from?: string;
  readonly to?: string;
  /** Price panel CSV; default the bundled prices. */
  readonly prices?: string;
  /** Holdings CSV to start both replays from, as it is. */
  readonly holdings?: string;
  /** Starting cash instead; base currency. */
  readonly capital?: number;
  readonly fill?: FillTiming;
  /** Example data folder, for the default prices and each policy's example holdings. */
  readonly examples: string;
}

/**
 * Replays both revisions of every policy changed in meaning (not those added or removed) over the same window,
 * start, fills and prices (`--fill`, else the head's `replay.fill`, else next-close; cash: `--capital`, else the
 * head's `replay.capital`, else 100,000). The start: `--holdings` as given, else `--capital` in cash, else the policy's example holdings
 * (`examples/holdings/<id>.csv`) bought at the window's first close, else the replay's default cash. `undefined`
 * when no policy changed in meaning. A replay that fails is reported for its policy; the others still run.
 */
export async function diffImpact(diff: PolicySetDiff, request: ImpactRequest, io: CliIo): Promise<ImpactReport | undefined> {
  const changed = diff.policies.filter((p) => p.status === 'modified' && p.before && p.after);
  if (changed.length === 0) return undefined;
  const prices = request.prices === undefined ? await examplePrices(io, request.examples) : await loadPricePanel(resolve(io.cwd, request.prices), io.cwd);
  const window = impactWindow(prices, request.from, request.to);
  const given = request.holdings === undefined ? undefined : await readHoldings(request.holdings, io.cwd);
  const policies: ImpactReport['policies'][number][] = [];
  for (const policy of changed) {
    const after = policy.after!;
    const fill = request.fill ?? after.replay.fill ?? 'next-close';
    const capital = request.capital ?? after.replay.capital ?? DEFAULT_REPLAY_CAPITAL;
    const start = given ?? (request.capital === undefined ? await exampleStart(policy, request, io.cwd, prices, window.from) : undefined);
    const from = start ? start.description : `${capital} ${policy.baseCurrency} in cash`;
    try {
      const impact = await policyImpact(policy.before!, after, prices, { ...window, ...(start ? { holdings: start.holdings } : { capital }), fill });
      policies.push({ policyId: policy.policyId, start: from, fill, impact });
    } catch (error) {
      policies.push({ policyId: policy.policyId, start: from, fill, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return { pricesFile: prices.file, ...window, policies };
}

async function readHoldings(path: string, cwd: string): Promise<{ holdings: Holdings; description: string }> {
  const full = resolve(cwd, path);
  const shown = relative(cwd, full) || full;
  return { holdings: parseHoldings(shown, await readInput(full, shown)).holdings, description: shown };
}

async function exampleStart(policy: PolicyDiff, request: ImpactRequest, cwd: string, prices: PricePanel, from: string): Promise<{ holdings: Holdings; description: string } | undefined> {
  const candidates = [policy.policyId, policy.renamedFrom].filter((id): id is string => id !== undefined).map((id) => join(resolve(cwd, request.examples), exampleHoldings(id)));
  const found = await Promise.all(candidates.map((path) => access(path).then(() => true, () => false)));
  const path = candidates[found.indexOf(true)];
  if (path === undefined) return undefined;
  const { holdings, description } = await readHoldings(path, cwd);
  return { holdings: rebaseHoldings(holdings, prices, from), description: `${description} bought at the first close` };
}
