/**
 * The transport-neutral approval service and proposal states (design rule 6): Telegram and the CLI both decide
 * through `ApprovalService`; storage is the small `ApprovalStore` and `AccountStore` interfaces of `src/store`. Time is always passed in.
 */
export { ApprovalService, type DecisionContext, type DecisionResult, type QuoteSource } from './approval-service.js';
export { ApprovalError, type ApprovalErrorCode } from './approval-error.js';
export { openProposalRecords } from './open-proposal-records.js';
export { describeStatus, describeTrade, shortTime } from './describe-record.js';
export {
  TERMINAL_STATUSES,
  type Actor,
  type Channel,
  type Decision,
  type ExecutionRecord,
  type Outcome,
  type ProposalRecord,
  type ProposalStatus,
  type Refusal,
  type RefusalReason,
  type TelegramPlacement,
} from './proposal-record.js';
