import { rulesForRuns } from '../engine/rules-for-runs.js';
import type { InputsProvider } from '../run/run-inputs.js';
import { runPolicy } from '../run/run-policy.js';
import type { Submission } from '../run/submit-for-approval.js';
import type { Slot } from '../schedule/schedule.js';
import type { RunRecord } from '../store/run-record.js';
import type { Store } from '../store/store.js';
import type { ActivePolicy } from './policy-registry.js';
import { FatalError } from '../errors.js';

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
 * Runs one slot exactly once: records the slot key as `started` (written to disk) before anything else, runs the
 * policy revision in force through the one run pipeline (`runPolicy`) with only the rules the schedule `runs`
 * ({@link rulesForRuns}), at the slot instant, on the provider's inputs — recorded with initiator `schedule`, the slot
 * and the revision, its proposals put up for approval (pending, or executed at once under `approval.mode: auto`) —
 * and marks the slot `finished`, or `failed` with the error, never retried. A key already in the store is skipped. A
 * crash after `started` leaves the slot interrupted, never run twice; approvals are first-decision-wins, so nothing
 * executes twice. An approval executed on the policy's account while it evaluates makes the run evaluate again on the
 * account as it now is, so a position just sold is not proposed again.
 */
export async function runSlot(
  slot: Slot,
  reason: 'on_time' | 'caught_up',
  active: ActivePolicy,
  deps: SlotDeps,
): Promise<SlotOutcome> {
  const { store } = deps;
  if (store.slotRecord(slot.key)) return { slot, status: 'skipped_recorded' };
  const { policy, loaded } = active;
  await store.beginSlot({
    key: slot.key, policyId: slot.policyId, scheduleId: slot.scheduleId, at: slot.at, reason,
    revision: loaded.revision, startedAt: deps.now().toISOString(),
  });
  try {
    const only = rulesForRuns(policy, slot.runs);
    const { run, submission } = await runPolicy({
      loaded,
      at: new Date(slot.at),
      inputs: deps.inputs,
      ...(only === undefined ? {} : { only }),
      store,
      record: { initiator: 'schedule', slot: { key: slot.key, scheduleId: slot.scheduleId, at: slot.at, runs: slot.runs } },
      approval: { now: deps.now(), env: deps.env },
    });
    if (run === undefined || submission === undefined) throw new FatalError('INTERNAL', 'a recorded run was not recorded', 'please report this as a bug');
    await store.finishSlot(slot.key, { state: 'finished', runId: run.id, finishedAt: deps.now().toISOString() });
    return { slot, status: 'finished', run, submission };
  } catch (cause) {
    const error = cause instanceof Error ? cause : new Error(String(cause));
    await store.finishSlot(slot.key, { state: 'failed', error: error.message, finishedAt: deps.now().toISOString() });
    return { slot, status: 'failed', error };
  }
}
