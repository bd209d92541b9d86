import type { Diagnostic } from '../policy/diagnostic.js';
import type { Slot } from '../schedule/schedule.js';
import type { RunRecord } from '../store/run-record.js';

/**
 * Where the daemon reports what happened: the transport seam. The console implementation is
 * {@link consoleNotifier}; a Telegram notifier implements the same interface and is passed to `ballast serve`
 * (several at once with {@link combineNotifiers}). A notifier's failure is logged and never fails the run.
 */
export interface RunNotifier {
  /** A scheduled run was recorded (proposals, dropped trades, the revision that ran, `run.slot`). */
  runFinished(run: RunRecord): Promise<void>;
  /** A policy file is invalid; `diagnostics` carry `file:line:col`. The last good revision, if any, keeps running. */
  policyInvalid(file: string, diagnostics: readonly Diagnostic[]): Promise<void>;
  /** A slot's run failed (e.g. no holdings for the policy); the slot is recorded as failed and not retried. */
  runFailed?(slot: Slot, error: Error): Promise<void>;
}

/** Writes one line per run and every diagnostic as `file:line:col  path  message` to the given output functions. */
export function consoleNotifier(out: (line: string) => void, err: (line: string) => void = out): RunNotifier {
  return {
    async runFinished(run) {
      const slot = run.slot ? `${run.slot.key}` : run.id;
      const trades = run.proposals.map((p) => `${p.ruleId} ${p.action} ${p.symbol} ${p.side} ${p.quantity}`).join('; ');
      out(`ran ${slot} as ${run.id} · ${run.policy.file} @ ${run.policy.revision} · prices as of ${run.asOf} · ${run.proposals.length} proposal${run.proposals.length === 1 ? '' : 's'}${trades ? `: ${trades}` : ''}${run.dropped.length ? ` · ${run.dropped.length} dropped by limits` : ''}`);
    },
    async policyInvalid(file, diagnostics) {
      err(`${file} is invalid; the last good revision (if any) keeps running:\n${diagnostics.map((d) => `${d.file}:${d.line}:${d.col}  ${d.path || '(file)'}  ${d.message}`).join('\n')}`);
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
    runFinished: (run) => each((n) => n.runFinished(run)),
    policyInvalid: (file, diagnostics) => each((n) => n.policyInvalid(file, diagnostics)),
    runFailed: (slot, error) => each((n) => n.runFailed?.(slot, error)),
  };
}
