import type { AccountState } from './account-state.js';
import {
  type Decimal,
  abs,
  add,
  compare,
  decimalFromNumber,
  decimalToNumber,
  multiply,
  subtract,
  sum,
  ZERO,
} from './decimal.js';
import { AccountingInvariantError, type InvariantId, type InvariantViolation } from '../errors.js';
import { type Prices, priceOf } from './prices.js';
import { type MarkSource, valueExactly } from './value-exactly.js';

/** Default tolerance of the identity checks, in base currency. */
export const DEFAULT_TOLERANCE = 1e-9;

/**
 * Checks the accounting invariants of seed note 001 at `prices` and returns every violation (empty = consistent):
 *
 * 1. `equity_equals_cash_plus_positions`: equity = cash + Σ position values (recomputed lot by lot);
 * 2. `total_pnl_equals_realized_plus_unrealized`: total P&L = realized + Σ lot unrealized P&L;
 * 3. `equity_change_equals_total_pnl`: equity − initial capital − net deposits = total P&L (this one reconciles the
 *    stored cash against the stored realized P&L and cost bases; it holds at any marks);
 * 4. `quantity_positive` (every lot > 0 shares), `cost_basis_non_negative`, `cash_non_negative` (no margin).
 *
 * Identities compare exact decimals (see decimal.ts) and fail when |difference| > `tolerance` (base currency,
 * default 1e-9). Throws `PortfolioError` `MISSING_PRICE` / `INVALID_PRICE` for a bad or missing mark.
 */
export function checkInvariants(state: AccountState, prices: Prices, tolerance: number = DEFAULT_TOLERANCE): InvariantViolation[] {
  return checkInvariantsWithMarks(state, (symbol) => priceOf(prices, symbol), tolerance);
}

/**
 * Like `checkInvariants`, but throws `AccountingInvariantError` (`ACCOUNTING_INVARIANT`, naming each broken
 * invariant and by how much) instead of returning violations. Returns nothing when the ledger is consistent.
 */
export function assertInvariants(state: AccountState, prices: Prices, tolerance: number = DEFAULT_TOLERANCE): void {
  throwIfAny(state, checkInvariants(state, prices, tolerance));
}

/** `assertInvariants` with marks from a `MarkSource` (positions may be carried at cost); used by the paper broker. */
export function assertInvariantsWithMarks(state: AccountState, markOf: MarkSource, tolerance: number = DEFAULT_TOLERANCE): void {
  throwIfAny(state, checkInvariantsWithMarks(state, markOf, tolerance));
}

function throwIfAny(state: AccountState, violations: readonly InvariantViolation[]): void {
  if (violations.length > 0) throw new AccountingInvariantError(state.accountId, violations);
}

/** `checkInvariants` with marks from a `MarkSource` (positions may be carried at cost). */
export function checkInvariantsWithMarks(state: AccountState, markOf: MarkSource, tolerance: number): InvariantViolation[] {
  const limit = decimalFromNumber(tolerance);
  const violations: InvariantViolation[] = [];
  const identity = (invariant: InvariantId, expected: Decimal, actual: Decimal): void => {
    const difference = subtract(actual, expected);
    if (compare(abs(difference), limit) > 0) violations.push(report(invariant, expected, actual));
  };
  const bound = (invariant: InvariantId, actual: Decimal, strict: boolean, symbol?: string): void => {
    const cmp = compare(actual, ZERO);
    if (cmp < 0 || (strict && cmp === 0)) violations.push(report(invariant, ZERO, actual, symbol));
  };

  const valuation = valueExactly(state, markOf);
  const marks = new Map(valuation.positions.map((p) => [p.symbol, p.price]));
  const lotValues = state.lots.map((lot) => {
    const quantity = decimalFromNumber(lot.quantity);
    const costBasis = decimalFromNumber(lot.costBasis);
    bound('quantity_positive', quantity, true, lot.symbol);
    bound('cost_basis_non_negative', costBasis, false, lot.symbol);
    const mark = marks.get(lot.symbol);
    const marketValue = mark === undefined ? costBasis : multiply(quantity, mark);
    return { marketValue, unrealizedPnl: subtract(marketValue, costBasis) };
  });
  bound('cash_non_negative', valuation.cash, false);

  identity('equity_equals_cash_plus_positions', add(valuation.cash, sum(lotValues.map((l) => l.marketValue))), valuation.equity);
  identity(
    'total_pnl_equals_realized_plus_unrealized',
    add(valuation.realizedPnl, sum(lotValues.map((l) => l.unrealizedPnl))),
    valuation.totalPnl,
  );
  const contributed = add(decimalFromNumber(state.initialCapital), decimalFromNumber(state.netDeposits));
  identity('equity_change_equals_total_pnl', valuation.totalPnl, subtract(valuation.equity, contributed));
  return violations;
}

function report(invariant: InvariantId, expected: Decimal, actual: Decimal, symbol?: string): InvariantViolation {
  return {
    invariant,
    ...(symbol === undefined ? {} : { symbol }),
    expected: decimalToNumber(expected),
    actual: decimalToNumber(actual),
    difference: decimalToNumber(subtract(actual, expected)),
  };
}
