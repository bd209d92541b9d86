import { strategyOverview } from '../../run/strategy-overview.js';
import { Store } from '../../store/store.js';
import { formatStrategyOverview } from '../../text/format-strategy-overview.js';
import type { CliIo } from '../cli-io.js';
import { dataDir } from '../data-dir.js';
import { EXIT } from '../exit-codes.js';
import { knownPolicy } from '../known-policy.js';

/** Options of `ballast strategies`. */
export interface StrategiesOptions {
  /** Only this policy id. */
  readonly policy?: string;
  readonly json: boolean;
  readonly dataDir?: string;
}

/**
 * `ballast strategies`: each policy's strategies as its last recorded run left them: allocation, last and next
 * rebalance, sleeve equity and P&L. Reads the database only, so it works while `serve` runs. Exit 0; 1 when the
 * named policy has no recorded runs (`UNKNOWN_POLICY`) or no strategies recorded.
 */
export async function strategiesCommand(options: StrategiesOptions, io: CliIo): Promise<number> {
  const store = await Store.open(dataDir(io, options.dataDir));
  if (options.policy !== undefined) await knownPolicy(store, options.policy);
  const overviews = await strategyOverview(store, options.policy);
  if (options.json) {
    io.stdout(JSON.stringify({ policies: overviews }, null, 2));
  } else if (overviews.length === 0) {
    io.stderr(options.policy ? `no strategies recorded for ${options.policy}; a run of a policy with \`strategies:\` records them` : 'no strategies recorded yet; `ballast run` evaluates the policies with `strategies:`');
  } else {
    io.stdout(overviews.map(formatStrategyOverview).join('\n\n'));
  }
  return options.policy !== undefined && overviews.length === 0 ? EXIT.problems : EXIT.ok;
}
