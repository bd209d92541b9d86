import type { BatchOutcome } from '../approval/approval-service.js';
import { describeStatus } from './describe-record.js';
import { byStatus, PLAIN, type Paint } from './paint.js';

/**
 * One line per proposal of a batch decision, for a terminal: `p-…  executed  approved by … → executed: …`, or the
 * problem (`UNKNOWN_PROPOSAL`, already decided, expired, stale, failed, `PAUSED`, an accounting invariant that stopped
 * execution). `ok` is true when the id was settled as asked (executed, rejected, or approved under dry run).
 */
export function describeOutcome(outcome: BatchOutcome, paint: Paint = PLAIN): { readonly ok: boolean; readonly line: string } {
  const { id } = outcome;
  switch (outcome.kind) {
    case 'refused':
      return { ok: false, line: `${id}  ${paint.bad(outcome.error.code)}  ${outcome.error.message}` };
    case 'stopped':
      return { ok: false, line: `${id}  ${paint.bad(outcome.error.code)}  ${outcome.error.message}\nexecution stopped and the policy is paused; nothing else was executed` };
    case 'skipped':
      return { ok: false, line: `${id}  skipped  not decided: execution stopped before it` };
    case 'result': {
      const { result, record } = outcome.result;
      const ok = result === 'decided' && (record.status === 'executed' || record.status === 'rejected' || record.status === 'approved');
      return { ok, line: `${id}  ${byStatus(paint, record.status, record.status)}  ${result === 'already_decided' ? 'already decided: ' : ''}${describeStatus(record)}` };
    }
  }
}
