import type { CliIo } from '../cli-io.js';
import { evaluateFromInputs, type EvaluationInputs } from '../evaluation-inputs.js';
import { EXIT } from '../exit-codes.js';
import { formatRun } from '../format/format-run.js';
import { runJson } from '../format/run-json.js';

/** Options of `ballast plan`. */
export interface PlanOptions extends EvaluationInputs {
  readonly json: boolean;
}

/** `ballast plan` exits 2 when trades are proposed, like `terraform plan -detailed-exitcode`. */
export const PLAN_HAS_TRADES = 2;

/**
 * `ballast plan <policy> --holdings … --prices … --as-of …`: previews a run without recording it.
 * Exit code 0 when nothing would trade, {@link PLAN_HAS_TRADES} (2) when trades are proposed, 1 on a bad policy
 * or input, so it can gate a CI job.
 */
export async function planCommand(options: PlanOptions, io: CliIo): Promise<number> {
  const result = await evaluateFromInputs(options, io, 'cli');
  io.stdout(options.json ? JSON.stringify(runJson(result), null, 2) : formatRun(result));
  return result.evaluation.proposals.length > 0 ? PLAN_HAS_TRADES : EXIT.ok;
}
