import { Store } from '../../store/store.js';
import type { CliIo } from '../cli-io.js';
import { dataDir } from '../data-dir.js';
import { evaluateFromInputs, type EvaluationInputs } from '../evaluation-inputs.js';
import { EXIT } from '../exit-codes.js';
import { formatRun } from '../../text/format-run.js';
import { paintFor } from '../../text/use-color.js';
import { runJson } from '../../text/run-json.js';

/** Options of `ballast evaluate`. */
export interface EvaluateOptions extends EvaluationInputs {
  readonly holdings: string;
  readonly prices: string;
  readonly asOf: string;
  readonly json: boolean;
  /** false with `--no-record`: preview only. */
  readonly record: boolean;
  readonly dataDir?: string;
}

/**
 * `ballast evaluate <policy> --holdings … --prices … --as-of YYYY-MM-DD`: evaluates one policy, records the run
 * (unless `--no-record`) and prints the proposals as a table, or JSON with `--json`.
 */
export async function evaluateCommand(options: EvaluateOptions, io: CliIo): Promise<number> {
  const store = options.record ? await Store.open(dataDir(io, options.dataDir), 'evaluate') : undefined;
  let result;
  try {
    result = await evaluateFromInputs(options, io, store ? { store, record: 'cli' } : {});
  } finally {
    await store?.close();
  }
  io.stdout(options.json ? JSON.stringify(runJson(result), null, 2) : formatRun(result, paintFor(io.stdoutTerminal, io.env)));
  return EXIT.ok;
}
