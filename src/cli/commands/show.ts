import { FatalError } from '../../errors.js';
import { Store } from '../../store/store.js';
import type { CliIo } from '../cli-io.js';
import { dataDir } from '../data-dir.js';
import { EXIT } from '../exit-codes.js';
import { formatRunView } from '../../text/format-run.js';

/** Options of `ballast show`. */
export interface ShowOptions {
  readonly runId: string;
  readonly json: boolean;
  readonly dataDir?: string;
}

/** `ballast show <run-id>`: one recorded run in full — its proposals, what was dropped, metrics; `--json` for all of it. */
export async function showCommand(options: ShowOptions, io: CliIo): Promise<number> {
  const store = await Store.open(dataDir(io, options.dataDir));
  const run = await store.getRun(options.runId);
  if (!run) throw new FatalError('NO_SUCH_RUN', `no run ${options.runId} in ${store.location}`, '`ballast history` lists the runs');
  if (options.json) {
    io.stdout(JSON.stringify(run, null, 2));
    return EXIT.ok;
  }
  const evaluation = { ...run.inputs, asOf: run.asOf, proposals: run.proposals, dropped: run.dropped, metrics: run.metrics, rebalance: run.rebalance, strategies: run.strategies };
  const footer = `${run.id} · evaluated ${run.evaluatedAt} by ${run.initiator} · holdings ${run.inputs.holdingsFile} · prices ${run.inputs.pricesFile} · content ${run.policy.contentHash.slice(0, 12)}`;
  io.stdout(formatRunView({ policy: run.policySnapshot, file: run.policy.file, revision: run.policy.revision, evaluation, footer }));
  return EXIT.ok;
}
