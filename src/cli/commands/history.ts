import { Store } from '../../store/store.js';
import type { CliIo } from '../cli-io.js';
import { dataDir } from '../data-dir.js';
import { EXIT } from '../exit-codes.js';
import { formatMetrics } from '../../text/format-run.js';

/** Options of `ballast history`. */
export interface HistoryOptions {
  /** Only runs of this policy id. */
  readonly bot?: string;
  /** The most recent N runs; default 50. */
  readonly limit?: number;
  /** Every run (overrides `limit`). */
  readonly all?: boolean;
  readonly json: boolean;
  readonly dataDir?: string;
}

/** How many runs `history` lists when not told otherwise: the most recent. */
export const HISTORY_LIMIT = 50;

/**
 * `ballast history [--bot id] [--limit n | --all]`: the most recent recorded runs (50 by default), oldest first, one
 * line each with its summary metrics, and how many more there are.
 */
export async function historyCommand(options: HistoryOptions, io: CliIo): Promise<number> {
  const store = await Store.open(dataDir(io, options.dataDir));
  const filter = options.bot === undefined ? {} : { policyId: options.bot };
  const runs = await store.runSummaries(options.all ? filter : { ...filter, limit: options.limit ?? HISTORY_LIMIT });
  if (options.json) {
    io.stdout(JSON.stringify(runs.map((r) => ({ id: r.id, policyId: r.policy.policyId, revision: r.policy.revision, asOf: r.asOf, evaluatedAt: r.evaluatedAt, initiator: r.initiator, metrics: r.metrics })), null, 2));
    return EXIT.ok;
  }
  if (runs.length === 0) {
    io.stdout(`no runs recorded in ${store.location}${options.bot ? ` for ${options.bot}` : ''}; \`npm start\` records some`);
    return EXIT.ok;
  }
  for (const r of runs) {
    io.stdout(`${r.id}  ${r.asOf}  ${r.policy.policyId.padEnd(12)} @ ${r.policy.revision.padEnd(13)} ${r.initiator.padEnd(8)}  ${formatMetrics(r.metrics)}`);
  }
  const total = runs.length < (options.limit ?? HISTORY_LIMIT) || options.all ? runs.length : await store.countRuns(filter);
  if (total > runs.length) io.stdout(`the latest ${runs.length} of ${total.toLocaleString('en-US')} runs; --all lists every run, --limit <n> the latest n`);
  io.stdout(`\`ballast show <run id>\` prints one run in full`);
  return EXIT.ok;
}
