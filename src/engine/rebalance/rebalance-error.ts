/** Codes of {@link RebalanceError}: bad options (fix the policy) or inputs that cannot be priced (fix the data). */
export type RebalanceErrorCode =
  | 'INVALID_TARGETS'
  | 'TARGETS_OVER_100'
  | 'INVALID_OPTION'
  | 'MISSING_PRICE'
  | 'INVALID_PRICE'
  | 'DUPLICATE_POSITION'
  | 'EQUITY_NOT_POSITIVE';

/**
 * Thrown by the rebalance math when options or inputs cannot give a meaningful rebalance. `context` names the
 * option path (e.g. `bands.absolutePp`) or the symbols involved; the message says what to change.
 */
export class RebalanceError extends Error {
  readonly code: RebalanceErrorCode;
  readonly context: Readonly<Record<string, unknown>>;

  constructor(code: RebalanceErrorCode, message: string, context: Readonly<Record<string, unknown>> = {}) {
    super(message);
    this.name = 'RebalanceError';
    this.code = code;
    this.context = context;
  }
}
