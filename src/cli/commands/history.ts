import { Store } from '../../store/store.js';
import type { CliIo } from '../cli-io.js';
import { dataDir } from '../data-dir.js';
import { EXIT } from '../exit-codes.js';
import { formatMetrics } from '../../text/format-run.js';

/** Options of `ballast history`. */
export interface HistoryOptions {
  /** Only runs of this policy id. */
  readonly bot?: string;
  readonly json: boolean;
  readonly dataDir?: string;
}

/** `ballast history [--bot id]`: every recorded run, oldest first, one line each with its summary metrics. */
export async function historyCommand(options: HistoryOptions, io: CliIo): Promise<number> {
  const store = await Store.open(dataDir(io, options.dataDir));
  const runs = await store.runSummaries(options.bot === undefined ? {} : { policyId: options.bot });
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
  io.stdout(`\`ballast show <run id>\` prints one run in full`);
  return EXIT.ok;
}
