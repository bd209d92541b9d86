import { evaluate, type EvaluateOptions, type Evaluation, type EvaluationHistory } from '../engine/evaluate.js';
import type { Policy } from '../policy/policy.js';
import type { RunInputs } from './run-inputs.js';

/**
 * The stages of a run around its one decision ({@link evaluate}): where inputs and history come from, how the run is
 * recorded and how its proposals are approved and executed. Live runs record in the store and put proposals up for
 * approval; a replay records in memory and fills on its simulated broker. Same pipeline, different stages.
 */
export interface RunStages<Recorded, Approved> {
  /** Holdings now and the prices known at the run's clock `at`. Throws `InputError` for unusable inputs. */
  inputs(policy: Policy, at: Date): Promise<RunInputs>;
  /** What earlier runs left that the decision at `at` respects (recorded exits for the weekly cap). */
  history(policy: Policy, at: Date): Promise<EvaluationHistory>;
  /**
   * The account as it is now, compared by identity: when it changes while the run evaluates (an approval executed
   * meanwhile), the run reads its inputs and evaluates again, at most {@link MAX_EVALUATIONS} times. Omit when nothing
   * else can change the account.
   */
  account?(policy: Policy): unknown;
  /** Records the evaluation (a store, memory, or nothing for a preview). */
  record(policy: Policy, evaluation: Evaluation, inputs: RunInputs): Promise<Recorded>;
  /** Puts the recorded proposals up for approval and executes what is approved. */
  approve(policy: Policy, recorded: Recorded, evaluation: Evaluation): Promise<Approved>;
}

/** What one pass of the pipeline produced. */
export interface PipelineResult<Recorded, Approved> {
  readonly inputs: RunInputs;
  readonly evaluation: Evaluation;
  readonly recorded: Recorded;
  readonly approved: Approved;
}

/** How often a run evaluates at most when approvals keep changing the account under it. */
export const MAX_EVALUATIONS = 3;

/**
 * The one run pipeline that `run`, `serve`, `plan`, `evaluate` and `replay` drive: inputs known at `at` → evaluate
 * (with `options`: only some rule ids, e.g. a schedule's `runs`; whether to explain what the limits dropped) → record
 * → approve/execute.
 * Time is the argument `at`; nothing here reads the clock. Errors of any stage propagate.
 */
export async function runPipeline<Recorded, Approved>(
  policy: Policy,
  at: Date,
  options: EvaluateOptions,
  stages: RunStages<Recorded, Approved>,
): Promise<PipelineResult<Recorded, Approved>> {
  for (let attempt = 1; ; attempt += 1) {
    const before = stages.account?.(policy);
    const inputs = await stages.inputs(policy, at);
    const evaluation = await evaluate(policy, inputs.holdings, inputs.market, at, await stages.history(policy, at), options);
    if (attempt < MAX_EVALUATIONS && stages.account?.(policy) !== before) continue;
    const recorded = await stages.record(policy, evaluation, inputs);
    const approved = await stages.approve(policy, recorded, evaluation);
    return { inputs, evaluation, recorded, approved };
  }
}
