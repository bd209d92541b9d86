import { Store } from '../../store/store.js';
import { formatHistory } from '../../text/format-history.js';
import { formatInZone } from '../../text/format-schedule-rows.js';
import { paintFor } from '../../text/use-color.js';
import type { CliIo } from '../cli-io.js';
import { dataDir } from '../data-dir.js';
import { EXIT } from '../exit-codes.js';
import { knownPolicy } from '../known-policy.js';
import { userZone } from '../user-zone.js';

/** Options of `ballast history`. */
export interface HistoryOptions {
  /** Only runs of this policy id; an id without recorded runs is an error. */
  readonly policy?: string;
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
 * `ballast history [--policy id] [--limit n | --all]`: the most recent recorded runs (50 by default), oldest first, as
 * a table with a header row: when each ran (in the user's zone, `$TZ` or the machine's), the prices' date, the policy
 * revision, what started it and its metrics; then how many more there are. Exit 0; 1 for a policy with no recorded
 * runs (`UNKNOWN_POLICY`).
 */
export async function historyCommand(options: HistoryOptions, io: CliIo): Promise<number> {
  const store = await Store.open(dataDir(io, options.dataDir));
  if (options.policy !== undefined) await knownPolicy(store, options.policy);
  const filter = options.policy === undefined ? {} : { policyId: options.policy };
  const runs = await store.runSummaries(options.all ? filter : { ...filter, limit: options.limit ?? HISTORY_LIMIT });
  if (options.json) {
    io.stdout(JSON.stringify(runs.map((r) => ({ id: r.id, policyId: r.policy.policyId, revision: r.policy.revision, asOf: r.asOf, evaluatedAt: r.evaluatedAt, ...(r.recordedAt ? { recordedAt: r.recordedAt } : {}), initiator: r.initiator, metrics: r.metrics })), null, 2));
    return EXIT.ok;
  }
  if (runs.length === 0) {
    io.stdout(`no runs recorded in ${store.location}; \`npm start\` records some`);
    return EXIT.ok;
  }
  const zone = userZone(io);
  for (const line of formatHistory(runs, (iso) => formatInZone(iso, zone), paintFor(io.stdoutTerminal, io.env))) io.stdout(line);
  const total = runs.length < (options.limit ?? HISTORY_LIMIT) || options.all ? runs.length : await store.countRuns(filter);
  if (total > runs.length) io.stdout(`the latest ${runs.length} of ${total.toLocaleString('en-US')} runs; --all lists every run, --limit <n> the latest n`);
  io.stdout('`ballast show <run id>` prints one run in full');
  return EXIT.ok;
}
