import { asOfInstant } from '../market/as-of-instant.js';
import type { PricePanel } from '../market/price-panel.js';
import type { RunInitiator } from '../store/run-record.js';
import type { Store } from '../store/store.js';
import type { LoadedPolicyFile } from '../workspace/load-policy-file.js';
import type { HoldingsSource } from './holdings-source.js';
import { validPolicy } from './valid-policy.js';
import { panelInputs } from './run-inputs.js';
import { runPolicy, type PolicyRun, type RunRequest } from './run-policy.js';

/** A run "as of a date" on a price panel, as the CLI's `run`, `evaluate` and `plan` make it. */
export interface AsOfRequest {
  /** `YYYY-MM-DD`: the run's clock is its close, 16:00 in the policy's zone; prices are that date's (or the last before). */
  readonly asOf: string;
  readonly holdings: HoldingsSource;
  readonly store?: Store;
  /** Record the run with this initiator (needs `store`); omit for a preview. */
  readonly record?: RunInitiator;
  /** The wall clock the run is recorded at (default the approval clock, else the as-of close). */
  readonly recordedAt?: Date;
  /** Put the recorded proposals up for approval; see {@link RunRequest.approval}. */
  readonly approval?: RunRequest['approval'];
}

/**
 * Runs a policy file through the pipeline at the close of `asOf`, on `prices` and `holdings`; quotes for approvals
 * are the panel's closes as of `asOf`. Errors as {@link runPolicy}.
 */
export async function runAsOf(loaded: LoadedPolicyFile, prices: PricePanel, request: AsOfRequest): Promise<PolicyRun> {
  const policy = validPolicy(loaded);
  const { store, record, approval } = request;
  return runPolicy({
    loaded,
    at: asOfInstant(request.asOf, policy.time_zone),
    inputs: panelInputs(prices, request.holdings, request.asOf),
    ...(store ? { store } : {}),
    ...(record ? { record: { initiator: record, ...(request.recordedAt ? { at: request.recordedAt } : {}) } } : {}),
    ...(approval ? { approval } : {}),
  });
}
