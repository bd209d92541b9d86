import { resolve } from 'node:path';
import { FatalError, formatInputProblem, InputError, InvalidPolicyError } from '../../errors.js';
import type { HoldingsSource } from '../../run/holdings-source.js';
import { runAsOf } from '../../run/run-as-of.js';
import type { PolicyRun } from '../../run/run-policy.js';
import type { PricePanel } from '../../market/price-panel.js';
import { Store } from '../../store/store.js';
import { readTelegramConfig } from '../../telegram/telegram-config.js';
import { postAfterRun } from './telegram.js';
import { findPolicyFiles } from '../../workspace/find-policy-files.js';
import { loadPolicyFile } from '../../workspace/load-policy-file.js';
import { knownSymbolsOf } from '../../policy/symbol-problems.js';
import { refuseDuplicateIds } from '../../workspace/refuse-duplicate-ids.js';
import type { CliIo } from '../cli-io.js';
import { dataDir } from '../data-dir.js';
import { examplePrices, lastDate } from '../evaluation-inputs.js';
import { EXIT } from '../exit-codes.js';
import { formatDiagnostics } from '../../text/format-diagnostics.js';
import { formatRun } from '../../text/format-run.js';
import { paintFor } from '../../text/use-color.js';
import { CLI_DECIDE_HINT, formatSubmission } from '../../text/format-submission.js';
import { runJson } from '../../text/run-json.js';

/** Options of `ballast run`, the main job. */
export interface RunOptions {
  readonly policies: string;
  readonly examples: string;
  /** `YYYY-MM-DD`; default: the last date of the bundled prices. */
  readonly asOf?: string;
  readonly json: boolean;
  readonly dataDir?: string;
}

/**
 * `ballast run`: the main job. Evaluates every policy in `policies/` against its example holdings
 * (`examples/holdings/<policy id>.csv`) and the bundled prices, as of their last date, records each run and prints
 * the proposals per bot. A policy that is invalid (or shares its id with another file), has unusable holdings or
 * prices, or fails otherwise with a fatal error is reported and skipped; the others still run
 * (exit 1 if any was skipped).
 */
export async function runMainJob(options: RunOptions, io: CliIo): Promise<number> {
  const examples = resolve(io.cwd, options.examples);
  const prices = await examplePrices(io, options.examples);
  const store = await Store.open(dataDir(io, options.dataDir), 'run');
  try {
    return await runWithStore(options, io, store, examples, prices);
  } finally {
    await store.close();
  }
}

async function runWithStore(options: RunOptions, io: CliIo, store: Store, examples: string, prices: PricePanel): Promise<number> {
  const asOf = options.asOf ?? lastDate(prices);
  const files = await findPolicyFiles(resolve(io.cwd, options.policies));
  const runs: PolicyRun[] = [];
  const failures: { file: string; problem: string }[] = [];
  const holdings: HoldingsSource = { kind: 'account', store, examples, cwd: io.cwd };
  const policies = refuseDuplicateIds(await Promise.all(files.map((path) => loadPolicyFile(path, io.cwd, { knownSymbols: knownSymbolsOf(prices) }))));
  for (const loaded of policies) {
    try {
      runs.push(await runAsOf(loaded, prices, { asOf, holdings, store, record: 'main-job', approval: { now: io.now(), env: io.env } }));
    } catch (error) {
      if (error instanceof InvalidPolicyError) failures.push({ file: loaded.file, problem: `${error.message}\n${formatDiagnostics(error.loaded)}` });
      else if (error instanceof InputError) failures.push({ file: loaded.file, problem: error.problems.map(formatInputProblem).join('\n') });
      else if (error instanceof FatalError) failures.push({ file: loaded.file, problem: error.message });
      else throw error;
    }
  }
  const submissions = runs.map((run) => run.submission ?? { opened: [], auto: [], alreadyPending: [] });
  if (options.json) {
    io.stdout(JSON.stringify({ asOf, database: store.location, runs: runs.map(runJson), approvals: submissions, failures }, null, 2));
  } else {
    io.stdout(`Ballast main job: ${files.length} ${files.length === 1 ? 'policy' : 'policies'}, prices as of ${asOf}\n`);
    const paint = paintFor(io.stdoutTerminal, io.env);
    runs.forEach((run, i) => io.stdout(`${formatRun(run, paint)}\n${formatSubmission(run.policy, submissions[i]!, CLI_DECIDE_HINT)}\n`));
    for (const failure of failures) io.stderr(`skipped ${failure.file}:\n${failure.problem}\n`);
    io.stdout(`${runs.length} ${runs.length === 1 ? 'run' : 'runs'} recorded in ${store.location}`);
  }
  const telegram = readTelegramConfig(io.env);
  if (telegram !== undefined) {
    const line = await postAfterRun(telegram, store, io);
    if (!options.json) io.stdout(line);
  }
  return failures.length === 0 ? EXIT.ok : EXIT.problems;
}
