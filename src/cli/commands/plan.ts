import { access } from 'node:fs/promises';
import { Store } from '../../store/store.js';
import type { CliIo } from '../cli-io.js';
import { dataDir } from '../data-dir.js';
import { evaluateFromInputs, type EvaluationInputs } from '../evaluation-inputs.js';
import { EXIT } from '../exit-codes.js';
import { formatRun } from '../../text/format-run.js';
import { paintFor } from '../../text/use-color.js';
import { runJson } from '../../text/run-json.js';

/** Options of `ballast plan`. */
export interface PlanOptions extends EvaluationInputs {
  readonly json: boolean;
  readonly dataDir?: string;
}

/** `ballast plan` exits 2 when trades are proposed, like `terraform plan -detailed-exitcode`. */
export const PLAN_HAS_TRADES = 2;

/**
 * `ballast plan <policy> [--holdings …] [--prices …] [--as-of …]`: previews a run without recording it. Without
 * `--holdings` it previews the real next `ballast run`: the policy's paper account in the data folder (as approvals
 * left it), the exits recorded there, and by default the bundled prices as of their last date. Reads the database
 * without taking its lock and writes nothing. Exit code 0 when nothing would trade, {@link PLAN_HAS_TRADES} (2) when
 * trades are proposed, 1 on a bad policy or input, so it can gate a CI job.
 */
export async function planCommand(options: PlanOptions, io: CliIo): Promise<number> {
  const store = options.holdings === undefined ? await readOnlyStore(dataDir(io, options.dataDir)) : undefined;
  const result = await evaluateFromInputs(options, io, store ? { store } : {});
  io.stdout(options.json ? JSON.stringify(runJson(result), null, 2) : formatRun(result, paintFor(io.stdoutTerminal, io.env)));
  return result.evaluation.proposals.length > 0 ? PLAN_HAS_TRADES : EXIT.ok;
}

/** The database in `dir` read without its lock, or an empty one in memory when the folder does not exist yet. */
async function readOnlyStore(dir: string): Promise<Store> {
  try {
    await access(dir);
  } catch {
    return Store.inMemory();
  }
  return Store.open(dir);
}
