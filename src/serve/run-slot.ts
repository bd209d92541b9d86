import { evaluate } from '../engine/evaluate.js';
import { rulesForRuns } from '../engine/rules-for-runs.js';
import type { Slot } from '../schedule/schedule.js';
import type { RunRecord } from '../store/run-record.js';
import type { Store } from '../store/store.js';
import type { InputsProvider } from './inputs-provider.js';
import type { ActivePolicy } from './policy-registry.js';
import { newRun } from '../jobs/new-run.js';
import { submitForApproval, type Submission } from '../jobs/submit-for-approval.js';

/** How one slot ended. */
export type SlotOutcome =
  | { readonly slot: Slot; readonly status: 'finished'; readonly run: RunRecord; readonly submission: Submission }
  | { readonly slot: Slot; readonly status: 'failed'; readonly error: Error }
  | { readonly slot: Slot; readonly status: 'skipped_recorded' };

/** What running a slot needs: the store, the inputs (and quotes), the clock and the environment (master switch). */
export interface SlotDeps {
  readonly store: Store;
  readonly inputs: InputsProvider;
  readonly now: () => Date;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * Runs one slot exactly once: records the slot key as `started` (written to disk) before anything else, evaluates the
 * policy revision in force with only the rules the schedule `runs` ({@link rulesForRuns}), at the slot instant, on
 * the provider's inputs, records the run (initiator `schedule`, with the slot and the revision), puts its proposals up
 * for approval ({@link submitForApproval}: pending, or executed at once under `approval.mode: auto`), and marks the
 * slot `finished` — or `failed` with the error, never retried. A key already in the store is skipped. A crash after
 * `started` leaves the slot interrupted, never run twice; approvals are first-decision-wins, so nothing executes twice.
 * An approval executed on the policy's account while it was being evaluated makes the evaluation start again on the
 * account as it now is (at most {@link MAX_EVALUATIONS} times), so a position just sold is not proposed again.
 */
export async function runSlot(
  slot: Slot,
  reason: 'on_time' | 'caught_up',
  active: ActivePolicy,
  deps: SlotDeps,
): Promise<SlotOutcome> {
  const { store, inputs } = deps;
  if (store.slotRecord(slot.key)) return { slot, status: 'skipped_recorded' };
  const { policy, loaded } = active;
  await store.beginSlot({
    key: slot.key, policyId: slot.policyId, scheduleId: slot.scheduleId, at: slot.at, reason,
    revision: loaded.revision, startedAt: deps.now().toISOString(),
  });
  try {
    const only = rulesForRuns(policy, slot.runs);
    const { input, evaluation } = await evaluateCurrentAccount(async () => {
      const input = await inputs.inputsFor(policy, slot);
      const evaluation = await evaluate(policy, input.holdings, input.market, new Date(slot.at),
        { recentExits: store.recordedExits(policy.id) }, only === undefined ? {} : { only });
      return { input, evaluation };
    }, () => store.account(policy.account));
    const run = await store.recordRun(
      newRun(policy, evaluation, {
        initiator: 'schedule',
        revision: loaded.revision,
        holdingsFile: input.holdingsFile,
        pricesFile: input.pricesFile,
        slot: { key: slot.key, scheduleId: slot.scheduleId, at: slot.at, runs: slot.runs, ...(only === undefined ? {} : { rules: only }) },
      }),
    );
    const submission = await submitForApproval(store, { policy, loaded, evaluation, run }, { now: deps.now(), quotes: inputs.quotes, env: deps.env });
    await store.finishSlot(slot.key, { state: 'finished', runId: run.id, finishedAt: deps.now().toISOString() });
    return { slot, status: 'finished', run, submission };
  } catch (cause) {
    const error = cause instanceof Error ? cause : new Error(String(cause));
    await store.finishSlot(slot.key, { state: 'failed', error: error.message, finishedAt: deps.now().toISOString() });
    return { slot, status: 'failed', error };
  }
}

/** How often a slot evaluates at most when approvals keep changing the account under it. */
export const MAX_EVALUATIONS = 3;

/**
 * Runs `evaluateOnce` until the account it read (`account()`, compared by identity: the store replaces an account on
 * every fill) did not change while it ran, or {@link MAX_EVALUATIONS} times. Optimistic concurrency: approvals are
 * never blocked by a run in progress.
 */
async function evaluateCurrentAccount<T>(evaluateOnce: () => Promise<T>, account: () => unknown): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const before = account();
    const result = await evaluateOnce();
    if (account() === before || attempt === MAX_EVALUATIONS) return result;
  }
}
