import { AccountingInvariantError, ApprovalError } from '../errors.js';
import type { ApprovalService, DecisionResult } from '../approval/approval-service.js';
import { describeStatus } from '../approval/describe-record.js';
import type { Actor } from '../approval/proposal-record.js';

/** Where a terminal's decision lines go: what went as asked to `out`, every problem to `err`. */
export interface DecisionOutput {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/**
 * Approves or rejects each proposal id in order through `service` as `actor` at `now`, writing one line per id:
 * `p-…  executed  approved by … → executed: …`, or the problem (`UNKNOWN_PROPOSAL`, already decided, expired, stale,
 * failed, `PAUSED`). Returns the number of ids this call did not settle as asked; an accounting invariant violation
 * stops at once (the policy is paused) and counts the rest as not settled. Other errors are rethrown.
 */
export async function decideEach(service: ApprovalService, decision: 'approve' | 'reject', ids: readonly string[], actor: Actor, now: Date, output: DecisionOutput): Promise<number> {
  let problems = 0;
  for (const [index, id] of ids.entries()) {
    let result: DecisionResult;
    try {
      result = decision === 'approve' ? await service.approve(id, actor, now) : await service.reject(id, actor, now);
    } catch (error) {
      if (error instanceof ApprovalError) {
        output.err(`${id}  ${error.code}  ${error.message}`);
        problems += 1;
        continue;
      }
      if (error instanceof AccountingInvariantError) {
        output.err(`${id}  ${error.code}  ${error.message}\nexecution stopped and the policy is paused; nothing else was executed`);
        return problems + ids.length - index;
      }
      throw error;
    }
    const { record } = result;
    const ok = result.result === 'decided' && (record.status === 'executed' || record.status === 'rejected' || record.status === 'approved');
    if (!ok) problems += 1;
    const prefix = result.result === 'already_decided' ? 'already decided: ' : '';
    (ok ? output.out : output.err)(`${id}  ${record.status}  ${prefix}${describeStatus(record)}`);
  }
  return problems;
}
