import type { ProposalRecord } from '../../approval/proposal-record.js';
import { FatalError } from '../../errors.js';
import type { RunRecord } from '../../store/run-record.js';
import { Store } from '../../store/store.js';
import { describeStatus } from '../../text/describe-record.js';
import { startedBy } from '../../text/format-history.js';
import { formatRunView } from '../../text/format-run.js';
import { paintFor } from '../../text/use-color.js';
import type { CliIo } from '../cli-io.js';
import { dataDir } from '../data-dir.js';
import { EXIT } from '../exit-codes.js';

/** Options of `ballast show`. */
export interface ShowOptions {
  readonly runId: string;
  readonly json: boolean;
  readonly dataDir?: string;
}

/**
 * `ballast show <run-id>`: one recorded run in full — its proposals with what became of each (pending, approved and
 * executed, rejected, expired, stale or failed: who, when, the fill), what was dropped, metrics; `--json` for all of
 * it, the approval records under `approvals`. Exit 0; 1 for an unknown run (`NO_SUCH_RUN`).
 */
export async function showCommand(options: ShowOptions, io: CliIo): Promise<number> {
  const store = await Store.open(dataDir(io, options.dataDir));
  const run = await store.getRun(options.runId);
  if (!run) throw new FatalError('NO_SUCH_RUN', `no run ${options.runId} in ${store.location}`, '`ballast history` lists the runs');
  const records = await approvalsOf(store, run);
  if (options.json) {
    io.stdout(JSON.stringify({ ...run, approvals: [...records.values()] }, null, 2));
    return EXIT.ok;
  }
  const decisions = new Map([...records].map(([id, record]) => [id, { status: record.status, text: record.runId === run.id ? describeStatus(record) : `proposed in ${record.runId} before, not again: ${describeStatus(record)}` }]));
  const evaluation = { ...run.inputs, asOf: run.asOf, proposals: run.proposals, dropped: run.dropped, metrics: run.metrics, rebalance: run.rebalance, strategies: run.strategies };
  const footer = `${run.id} · evaluated ${run.evaluatedAt} by ballast ${startedBy(run.initiator)} · holdings ${run.inputs.holdingsFile} · prices ${run.inputs.pricesFile} · content ${run.policy.contentHash.slice(0, 12)}`;
  io.stdout(formatRunView({ policy: run.policySnapshot, file: run.policy.file, revision: run.policy.revision, evaluation, footer, decisions }, paintFor(io.stdoutTerminal, io.env)));
  return EXIT.ok;
}

/**
 * The approval record of each of the run's proposals, by proposal id: the run's own, else the earlier record that
 * kept the same trade from being proposed again (a decided proposal id is never reopened). Looks each id up in the
 * archive's id index; reads every record only when an id was proposed again by a later run.
 */
async function approvalsOf(store: Store, run: RunRecord): Promise<Map<string, ProposalRecord>> {
  const found = new Map<string, ProposalRecord>();
  let reused = false;
  for (const { id } of run.proposals) {
    const latest = await store.findProposalRecord(id);
    // Run ids are zero-padded (`run-000042`), so they compare in the order the runs were recorded.
    if (latest !== undefined && latest.runId <= run.id) found.set(id, latest);
    reused ||= latest !== undefined && latest.runId > run.id;
  }
  if (!reused) return found;
  for (const record of await store.allProposalRecords()) {
    if (!run.proposals.some((p) => p.id === record.proposal.id) || record.runId > run.id) continue;
    const kept = found.get(record.proposal.id);
    if (kept === undefined || kept.runId !== run.id) found.set(record.proposal.id, record);
  }
  return found;
}
