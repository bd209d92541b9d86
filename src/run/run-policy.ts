import { earlierRejections } from '../approval/earlier-rejections.js';
import { exitCapSince } from '../engine/apply-limits.js';
import type { Evaluation } from '../engine/evaluate.js';
import type { Policy } from '../policy/policy.js';
import type { RunInitiator, RunRecord, RunSlot } from '../store/run-record.js';
import type { Store } from '../store/store.js';
import type { LoadedPolicyFile } from '../workspace/load-policy-file.js';
import { loadSignalFiles } from '../workspace/load-signal-files.js';
import { validPolicy } from './valid-policy.js';
import { newRun } from './new-run.js';
import { runPipeline } from './run-pipeline.js';
import type { InputsProvider, RunInputs } from './run-inputs.js';
import { submitForApproval, type Submission } from './submit-for-approval.js';

/** One live run of one policy file: what to evaluate, at which clock, and how far down the pipeline to go. */
export interface RunRequest {
  readonly loaded: LoadedPolicyFile;
  /** The run's clock: the evaluation instant; prices are those known then. */
  readonly at: Date;
  readonly inputs: InputsProvider;
  /** Rule ids to evaluate (a schedule's `runs`, see `rulesForRuns`); all when omitted. */
  readonly only?: readonly string[];
  /** The database: recorded exits for the weekly cap, the paper accounts, and where runs are recorded. */
  readonly store?: Store;
  /**
   * Record the run in `store` (`initiator`, the slot of a scheduled run, and `at`: the wall clock it is recorded at,
   * default the approval clock, else the run's clock). Omit for a preview.
   */
  readonly record?: { readonly initiator: RunInitiator; readonly slot?: RunSlot; readonly at?: Date };
  /**
   * Put the recorded proposals up for approval (and execute them at once under `approval.mode: auto`): the decision
   * clock and the environment (master switch). Omit to leave them unopened. Needs `record`.
   */
  readonly approval?: { readonly now: Date; readonly env: Readonly<Record<string, string | undefined>> };
}

/** A live run: the policy, its file, the inputs and evaluation, and, as far as requested, its record and submission. */
export interface PolicyRun {
  readonly policy: Policy;
  readonly loaded: LoadedPolicyFile;
  readonly inputs: RunInputs;
  readonly evaluation: Evaluation;
  readonly run?: RunRecord;
  readonly submission?: Submission;
}

/** The inputs with the policy's signal files read (relative to the policy file), when it has file signals. */
async function withSignalFiles(inputs: RunInputs, policy: Policy, loaded: LoadedPolicyFile): Promise<RunInputs> {
  if (!(policy.strategies ?? []).some((s) => 'file' in s.signal)) return inputs;
  return { ...inputs, market: { ...inputs.market, signals: await loadSignalFiles(policy, loaded.path, loaded.file) } };
}

/**
 * Runs one policy through the one pipeline ({@link runPipeline}) with the live stages: inputs from `inputs` at
 * `at` (with the policy's signal files), recorded exits, the strategies' stored state and the trades rejected before
 * (among the open and recently closed proposal records, see `earlierRejections`) from the store, evaluation
 * again when an approval changed the account meanwhile, the run recorded in the store (with the policy revision and,
 * for strategies, their new state: held signals survive a restart) and, when the holdings were the paper account's,
 * the account's equity at the run's prices added to its equity history, its proposals opened for approval.
 * Throws `InvalidPolicyError` for an invalid policy, `InputError` for unusable inputs, `MissingPriceError` /
 * `RebalanceError` from the evaluation.
 */
export async function runPolicy(request: RunRequest): Promise<PolicyRun> {
  const { loaded, store } = request;
  const policy = validPolicy(loaded);
  const only = request.only;
  const result = await runPipeline(policy, request.at, only === undefined ? {} : { only }, {
    inputs: async (p, at) => withSignalFiles(await request.inputs.inputsFor(p, at), p, loaded),
    async history(p, at) {
      const strategies = store?.strategyState(p.id);
      const rejections = earlierRejections(store?.proposalRecords({ policyId: p.id }) ?? [], p.id);
      return { recentExits: (await store?.recordedExits(p.id, exitCapSince(at), at)) ?? [], ...(strategies ? { strategies } : {}), rejections };
    },
    account: (p) => store?.account(p.account),
    async record(p, evaluation, inputs) {
      if (store === undefined || request.record === undefined) return undefined;
      const { initiator, slot } = request.record;
      // the wall clock the run is recorded and decided on (`ballast run` evaluates as of the data's last date)
      const recordedAt = (request.record.at ?? request.approval?.now ?? request.at).toISOString();
      if (inputs.openedAccount !== undefined && store.account(p.account) === undefined) store.putAccount(inputs.openedAccount);
      if (evaluation.strategies !== undefined) store.putStrategyState(p.id, evaluation.strategies.state);
      const run = await store.recordRun(
        newRun(p, evaluation, {
          initiator,
          recordedAt,
          revision: loaded.revision,
          holdingsFile: inputs.holdingsFile,
          pricesFile: inputs.pricesFile,
          ...(slot ? { slot: { ...slot, ...(only === undefined ? {} : { rules: only }) } } : {}),
        }),
      );
      if (inputs.accountId !== undefined) {
        store.recordEquity(inputs.accountId, { at: recordedAt, equity: run.inputs.equity, cash: run.inputs.cash, source: { kind: 'run', runId: run.id } });
      }
      return run;
    },
    async approve(p, run) {
      if (store === undefined || run === undefined || request.approval === undefined) return undefined;
      return submitForApproval(store, { policy: p, run }, { ...request.approval, quotes: request.inputs.quotes });
    },
  });
  return {
    policy,
    loaded,
    inputs: result.inputs,
    evaluation: result.evaluation,
    ...(result.recorded ? { run: result.recorded } : {}),
    ...(result.approved ? { submission: result.approved } : {}),
  };
}
