import { join, relative, resolve } from 'node:path';
import type { PricePanel } from '../market/price-panel.js';
import type { HoldingsSource } from '../run/holdings-source.js';
import { validPolicy } from '../run/valid-policy.js';
import { runAsOf } from '../run/run-as-of.js';
import type { PolicyRun } from '../run/run-policy.js';
import type { RunInitiator } from '../store/run-record.js';
import type { Store } from '../store/store.js';
import { EXAMPLE_PRICES } from '../workspace/example-files.js';
import { loadPolicyFile } from '../workspace/load-policy-file.js';
import { knownSymbolsOf } from '../policy/symbol-problems.js';
import { loadPricePanel } from '../workspace/load-price-panel.js';
import type { CliIo } from './cli-io.js';
import { FatalError } from '../errors.js';

/**
 * The options `evaluate` and `plan` share: a policy file and what to evaluate it on. Each input left out is what
 * `ballast run` uses: the policy's paper account in the data folder (opened from `<examples>/holdings/<id>.csv`), the
 * bundled prices (`<examples>/prices/…`), as of their last date.
 */
export interface EvaluationInputs {
  readonly policy: string;
  readonly holdings?: string;
  readonly prices?: string;
  /** `YYYY-MM-DD`; the run's clock is its 16:00 in the policy's zone. */
  readonly asOf?: string;
  /** The example data folder. Default `examples`. */
  readonly examples?: string;
}

/** The bundled prices under an examples folder. Throws `InputError` when they cannot be read. */
export async function examplePrices(io: CliIo, examples: string): Promise<PricePanel> {
  return loadPricePanel(join(resolve(io.cwd, examples), EXAMPLE_PRICES), io.cwd);
}

/** The last date of a price panel: `ballast run`'s default as-of date. */
export function lastDate(prices: PricePanel): string {
  return prices.dates[prices.dates.length - 1] ?? '';
}

/**
 * Loads a policy and its inputs from the command line and runs it through the pipeline up to recording (when
 * `record` is given; needs `store`). Holdings from the account need `store`. The policy is checked against the symbols
 * of the prices, so a symbol without prices is an error at its line.
 */
export async function evaluateFromInputs(
  inputs: EvaluationInputs,
  io: CliIo,
  options: { readonly store?: Store; readonly record?: RunInitiator } = {},
): Promise<PolicyRun> {
  const examples = inputs.examples ?? 'examples';
  const prices = inputs.prices === undefined ? await examplePrices(io, examples) : await loadPricePanel(resolve(io.cwd, inputs.prices), io.cwd);
  const loaded = await loadPolicyFile(resolve(io.cwd, inputs.policy), io.cwd, { knownSymbols: knownSymbolsOf(prices) });
  validPolicy(loaded);
  const asOf = inputs.asOf ?? lastDate(prices);
  const { store } = options;
  let holdings: HoldingsSource;
  if (inputs.holdings !== undefined) {
    const path = resolve(io.cwd, inputs.holdings);
    holdings = { kind: 'file', path, shown: relative(io.cwd, path) || path };
  } else if (store !== undefined) {
    holdings = { kind: 'account', store, examples: resolve(io.cwd, examples), cwd: io.cwd };
  } else {
    throw new FatalError('INTERNAL', 'holdings from the paper account need the store', 'please report this as a bug');
  }
  return runAsOf(loaded, prices, { asOf, holdings, ...(store ? { store } : {}), ...(options.record ? { record: options.record, recordedAt: io.now() } : {}) });
}
