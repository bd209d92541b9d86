import { BallastError } from '../errors.js';

/**
 * Why the approval service refused an action, safe to show to the person who tried it:
 * `UNKNOWN_PROPOSAL` (no such id), `PAUSED` (execution is paused for the policy), `FORBIDDEN` (the actor may only
 * read), `REPLAYED` (a button of an older record or message).
 */
export type ApprovalErrorCode = 'UNKNOWN_PROPOSAL' | 'PAUSED' | 'FORBIDDEN' | 'REPLAYED';

/** A refused approval action; `proposalId` names the proposal when known. The message says what to do instead. */
export class ApprovalError extends BallastError {
  override readonly code: ApprovalErrorCode;
  readonly proposalId: string | undefined;
  constructor(code: ApprovalErrorCode, message: string, proposalId?: string) {
    super(code, message);
    this.name = 'ApprovalError';
    this.code = code;
    this.proposalId = proposalId;
  }
}
