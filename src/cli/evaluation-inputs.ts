import { resolve } from 'node:path';
import { evaluatePolicyFile, loadPricePanel, type PolicyRun } from '../jobs/evaluate-policy-file.js';
import type { Store } from '../store/store.js';
import type { RunInitiator } from '../store/run-record.js';
import { loadPolicyFile } from '../workspace/load-policy-file.js';
import type { CliIo } from './cli-io.js';

/** The options `evaluate` and `plan` share: a policy file, its inputs and the as-of date. */
export interface EvaluationInputs {
  readonly policy: string;
  readonly holdings: string;
  readonly prices: string;
  /** `YYYY-MM-DD`. */
  readonly asOf: string;
}

/** Loads a policy and its inputs from the paths on the command line and evaluates it; records when `store` is given. */
export async function evaluateFromInputs(inputs: EvaluationInputs, io: CliIo, initiator: RunInitiator, store?: Store): Promise<PolicyRun> {
  const loaded = await loadPolicyFile(resolve(io.cwd, inputs.policy), io.cwd);
  const prices = await loadPricePanel(resolve(io.cwd, inputs.prices), io.cwd);
  return evaluatePolicyFile(loaded, {
    holdingsPath: resolve(io.cwd, inputs.holdings),
    prices,
    asOf: inputs.asOf,
    initiator,
    cwd: io.cwd,
    ...(store ? { store } : {}),
  });
}
