import { formatSubmission, type DecideHint } from '../text/format-submission.js';
import type { Submission } from '../run/submit-for-approval.js';
import type { Diagnostic } from '../policy/diagnostic.js';
import { describeInvalidPolicy } from '../text/describe-invalid-policy.js';
import { describeScheduledRun } from '../text/describe-scheduled-run.js';
import type { Slot } from '../schedule/schedule.js';
import type { RunRecord } from '../store/run-record.js';

/**
 * Where the daemon reports what happened: the transport seam. The console implementation is
 * {@link consoleNotifier}; a Telegram notifier implements the same interface and is passed to `ballast serve`
 * (several at once with {@link combineNotifiers}). A notifier's failure is logged and never fails the run.
 */
export interface RunNotifier {
  /**
   * A scheduled run was recorded (proposals, dropped trades, the revision that ran, `run.slot`) and its proposals
   * were put up for approval (`submission`: opened records, automatic decisions).
   */
  runFinished(run: RunRecord, submission: Submission): Promise<void>;
  /**
   * A policy file is invalid; `diagnostics` carry `file:line:col`. `kept` is the last good revision that keeps
   * running (e.g. `abc1234`), undefined when the policy has none and is not scheduled.
   */
  policyInvalid(file: string, diagnostics: readonly Diagnostic[], kept: string | undefined): Promise<void>;
  /** A slot's run failed (e.g. no holdings for the policy); the slot is recorded as failed and not retried. */
  runFailed?(slot: Slot, error: Error): Promise<void>;
}

/**
 * Writes one line per run, then what happened to its proposals and how to decide them (`hint`: the serve console's
 * commands), and every diagnostic as `file:line:col  path  message`, to the given output functions.
 */
export function consoleNotifier(hint: DecideHint, out: (line: string) => void, err: (line: string) => void = out): RunNotifier {
  return {
    async runFinished(run, submission) {
      out(describeScheduledRun(run));
      const approvals = formatSubmission(run.policySnapshot, submission, hint);
      if (approvals) out(approvals);
    },
    async policyInvalid(file, diagnostics, kept) {
      err(describeInvalidPolicy(file, diagnostics, kept));
    },
    async runFailed(slot, error) {
      err(`slot ${slot.key} failed: ${error.message}`);
    },
  };
}

/** One notifier that forwards to several (console and Telegram), in order; one failing does not stop the others. */
export function combineNotifiers(notifiers: readonly RunNotifier[], onError: (error: unknown) => void): RunNotifier {
  const each = async (call: (n: RunNotifier) => Promise<void> | undefined): Promise<void> => {
    for (const n of notifiers) {
      try {
        await call(n);
      } catch (error) {
        onError(error);
      }
    }
  };
  return {
    runFinished: (run, submission) => each((n) => n.runFinished(run, submission)),
    policyInvalid: (file, diagnostics, kept) => each((n) => n.policyInvalid(file, diagnostics, kept)),
    runFailed: (slot, error) => each((n) => n.runFailed?.(slot, error)),
  };
}
