import { relative } from 'node:path';
import { evaluate, type Evaluation } from '../engine/evaluate.js';
import { BallastError } from '../errors.js';
import { asOfInstant } from '../market/as-of-instant.js';
import { parseHoldings } from '../market/parse-holdings.js';
import { readInput } from '../workspace/read-input.js';
import { accountHoldings } from './account-holdings.js';
import { parsePricePanel } from '../market/parse-price-panel.js';
import type { PricePanel } from '../market/price-panel.js';
import { snapshotForPolicy } from '../market/snapshot-for-holdings.js';
import { newRun } from './new-run.js';
import type { LoadedPolicyFile } from '../workspace/load-policy-file.js';
import type { Store } from '../store/store.js';
import type { RunInitiator, RunRecord } from '../store/run-record.js';
import type { Policy } from '../policy/policy.js';

/** A policy that failed validation: carries the loaded file so callers can print every diagnostic. */
export class InvalidPolicyError extends BallastError {
  readonly loaded: LoadedPolicyFile;
  constructor(loaded: LoadedPolicyFile) {
    super('INVALID_POLICY', `${loaded.file} is not a valid policy; run \`ballast check ${loaded.file}\` for every problem`);
    this.name = 'InvalidPolicyError';
    this.loaded = loaded;
  }
}

/** What to evaluate a policy against. */
export interface EvaluationRequest {
  readonly holdingsPath: string;
  readonly prices: PricePanel;
  /** `YYYY-MM-DD`; prices are the last close on or before it, and the clock is its 16:00 in the policy's zone. */
  readonly asOf: string;
  readonly initiator: RunInitiator;
  /** Where to record the run; omit to preview without recording. */
  readonly store?: Store;
  readonly cwd?: string;
  /**
   * Read holdings from the paper account of the policy's `account` in `store` instead of the CSV; the first time,
   * the account is seeded from the CSV (opened at `now`). Needs `store`. Default false.
   */
  readonly fromAccount?: boolean;
  /** The clock, for seeding the account. Default: the current time. */
  readonly now?: Date;
}

/** An evaluation and, when a store was given, the run it was recorded as. */
export interface PolicyRun {
  readonly policy: Policy;
  readonly loaded: LoadedPolicyFile;
  readonly evaluation: Evaluation;
  readonly run?: RunRecord;
}

/**
 * Evaluates one loaded policy against a holdings file and a price panel, and records it as a run.
 * Throws {@link InvalidPolicyError} for an invalid policy and {@link InputError} for unusable inputs.
 */
export async function evaluatePolicyFile(loaded: LoadedPolicyFile, request: EvaluationRequest): Promise<PolicyRun> {
  if (!loaded.validation.ok) throw new InvalidPolicyError(loaded);
  const policy = loaded.validation.policy;
  const cwd = request.cwd ?? process.cwd();
  const holdingsFile = relative(cwd, request.holdingsPath) || request.holdingsPath;
  const holdings =
    request.fromAccount && request.store
      ? await accountHoldings(request.store, policy, request.holdingsPath, holdingsFile, request.now ?? new Date())
      : parseHoldings(holdingsFile, await readInput(request.holdingsPath, holdingsFile));
  const market = snapshotForPolicy(request.prices, holdings, request.asOf, policy);
  const now = asOfInstant(request.asOf, policy.time_zone);
  const recentExits = request.store?.recordedExits(policy.id) ?? [];
  const evaluation = await evaluate(policy, holdings.holdings, market, now, { recentExits });
  if (!request.store) return { policy, loaded, evaluation };
  const run = await request.store.recordRun(
    newRun(policy, evaluation, { initiator: request.initiator, revision: loaded.revision, holdingsFile: holdings.file, pricesFile: request.prices.file }),
  );
  return { policy, loaded, evaluation, run };
}

/** Reads and parses a price panel CSV, reporting the path as the user gave it. */
export async function loadPricePanel(path: string, cwd: string = process.cwd()): Promise<PricePanel> {
  const file = relative(cwd, path) || path;
  return parsePricePanel(file, await readInput(path, file));
}
