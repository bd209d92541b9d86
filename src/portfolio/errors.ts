/**
 * Why the ledger refused an operation. Every refusal leaves the account state untouched.
 *
 * - `INVALID_ORDER`: a fill's symbol is empty or its side is neither `buy` nor `sell`.
 * - `INVALID_AMOUNT`: a cash amount is not finite, negative (or zero where a positive amount is needed), or has
 *   more than 2 decimals (amounts are whole cents).
 * - `INVALID_QUANTITY`: a share quantity is not a finite number > 0.
 * - `INVALID_PRICE`: a price or quote is not finite, or not > 0 (≥ 0 for marks).
 * - `INVALID_COSTS`: a commission or slippage setting is not a finite number ≥ 0, or `commissionMin` is not whole cents.
 * - `INVALID_TIME`: `at` is not an ISO 8601 date-time beginning `YYYY-MM-DD`, or is earlier than the last fill.
 * - `INSUFFICIENT_CASH`: a buy, withdrawal or fee would make cash negative (no margin).
 * - `INSUFFICIENT_QUANTITY`: a sell asks for more shares than the account holds.
 * - `MISSING_PRICE`: a held symbol has no price to value it at.
 * - `NOT_REPRESENTABLE`: a result would not survive storage as a JSON number exactly (about 15 significant digits:
 *   money up to 9,999,999,999,999.99).
 */
export type PortfolioErrorCode =
  | 'INVALID_ORDER'
  | 'INVALID_AMOUNT'
  | 'INVALID_QUANTITY'
  | 'INVALID_PRICE'
  | 'INVALID_COSTS'
  | 'INVALID_TIME'
  | 'INSUFFICIENT_CASH'
  | 'INSUFFICIENT_QUANTITY'
  | 'MISSING_PRICE'
  | 'NOT_REPRESENTABLE';

/**
 * A refused ledger or broker operation: carries a `code`, the account, and the figures that caused it in `context`
 * (money in base currency, quantities in shares). The message says what to change.
 */
export class PortfolioError extends Error {
  override readonly name = 'PortfolioError';
  readonly code: PortfolioErrorCode;
  readonly context: Readonly<Record<string, unknown>>;

  constructor(code: PortfolioErrorCode, message: string, context: Readonly<Record<string, unknown>> = {}) {
    super(message);
    this.code = code;
    this.context = context;
  }
}

/** The identities and bounds checked after every execution (seed note 001, "Validation"). */
export type InvariantId =
  | 'equity_equals_cash_plus_positions'
  | 'total_pnl_equals_realized_plus_unrealized'
  | 'equity_change_equals_total_pnl'
  | 'quantity_positive'
  | 'cost_basis_non_negative'
  | 'cash_non_negative';

/**
 * One broken invariant: which one, the two sides compared (base currency, or shares for quantities), and
 * `difference` = `actual − expected`, all computed exactly and converted to doubles for reporting.
 */
export interface InvariantViolation {
  readonly invariant: InvariantId;
  /** The lot's symbol for per-lot checks; absent for account-wide checks. */
  readonly symbol?: string;
  readonly expected: number;
  readonly actual: number;
  readonly difference: number;
}

/**
 * The ledger no longer reconciles: execution must stop. `code` is `ACCOUNTING_INVARIANT`; `violations` names each
 * broken invariant and by how much. Thrown by `assertInvariants` (and so by `executePaper`).
 */
export class AccountingInvariantError extends Error {
  override readonly name = 'AccountingInvariantError';
  readonly code = 'ACCOUNTING_INVARIANT' as const;
  readonly accountId: string;
  readonly violations: readonly InvariantViolation[];

  constructor(accountId: string, violations: readonly InvariantViolation[]) {
    const list = violations
      .map((v) => `${v.invariant}${v.symbol === undefined ? '' : ` (${v.symbol})`} off by ${v.difference}`)
      .join('; ');
    super(
      `Account ${accountId} no longer reconciles: ${list}. Execution stopped; do not trade this account until its ` +
        'state is restored from the last good copy, and report this as a bug.',
    );
    this.accountId = accountId;
    this.violations = violations;
  }
}
