import type { Proposal } from '../engine/proposal.js';
import type { AccountState, Fill } from './account-state.js';
import { applyFill } from './apply-fill.js';
import { assertInvariantsWithMarks } from './check-invariants.js';
import {
  type Decimal,
  add,
  decimalFromNumber,
  decimalToNumber,
  max,
  multiply,
  roundHalfAwayFromZero,
  subtract,
} from './decimal.js';
import { FatalError, PortfolioError } from '../errors.js';
import { CENTS, readMoney, readPrice, readQuantity, toStored } from './ledger-values.js';

/**
 * Trading costs of the paper broker, all default 0.
 * `commissionBps`: commission in basis points of the fill notional; `commissionMin`: the per-trade minimum
 * commission in base currency (whole cents); `slippageBps`: how far the fill price moves against the trader, in basis
 * points of the quote (buys fill higher, sells lower; below 10,000).
 */
export interface PaperCosts {
  readonly commissionBps?: number;
  readonly commissionMin?: number;
  readonly slippageBps?: number;
}

/** What to execute: symbol, side and quantity (shares > 0). A `Proposal` fits as is. */
export type PaperOrder = Pick<Proposal, 'symbol' | 'side' | 'quantity'>;

/** The account after the execution and the fill it booked (also the last entry of `state.trades`). */
export interface PaperExecution {
  readonly state: AccountState;
  readonly fill: Fill;
}

/**
 * Executes an approved order on paper at the re-checked `quote` (base currency per share) and books it.
 *
 * Fill price = quote × (1 ± slippageBps / 10,000), exact and unrounded (+ for buys, − for sells). Notional =
 * quantity × fill price, rounded half away from zero to cents. Commission = max(commissionMin, notional ×
 * commissionBps / 10,000), rounded half away from zero to cents. Slippage cost = |notional − quantity × quote
 * rounded to cents|. Booking follows `applyFill` (FIFO relief, commissions expensed to realized P&L).
 *
 * After booking, the invariants of `checkInvariants` are asserted with the traded symbol marked at `quote` and other
 * positions carried at cost (the reconciliation identity holds at any marks).
 * Throws `PortfolioError` (`INVALID_COSTS`, `INVALID_PRICE`, `INVALID_QUANTITY`, `INSUFFICIENT_CASH`,
 * `INSUFFICIENT_QUANTITY`, `INVALID_TIME`, …) when the order is refused, and `AccountingInvariantError`
 * (`ACCOUNTING_INVARIANT`) when the resulting ledger does not reconcile; execution never continues silently.
 */
export function executePaper(
  state: AccountState,
  order: PaperOrder,
  quote: number,
  costs: PaperCosts = {},
  at: string,
): PaperExecution {
  const quantity = readQuantity(order.quantity);
  const quotePrice = readPrice(quote, 'quote');
  const commissionBps = readBps(costs.commissionBps, 'commissionBps');
  const slippageBps = readBps(costs.slippageBps, 'slippageBps');
  const commissionMin = readCommissionMin(costs.commissionMin);

  const slipFactor = order.side === 'buy' ? add(ALL_BPS, slippageBps) : subtract(ALL_BPS, slippageBps);
  const fillPrice = ofBps(quotePrice, slipFactor);
  const notional = roundHalfAwayFromZero(multiply(quantity, fillPrice), CENTS);
  const atQuote = roundHalfAwayFromZero(multiply(quantity, quotePrice), CENTS);
  const slippageCost = order.side === 'buy' ? subtract(notional, atQuote) : subtract(atQuote, notional);
  const commission = roundHalfAwayFromZero(max(commissionMin, ofBps(notional, commissionBps)), CENTS);

  const next = applyFill(state, {
    symbol: order.symbol,
    side: order.side,
    quantity: order.quantity,
    price: decimalToNumber(fillPrice),
    notional: toStored(notional, 'notional'),
    commission: toStored(commission, 'commission'),
    slippageCost: toStored(slippageCost, 'slippageCost'),
    at,
  });
  assertInvariantsWithMarks(next, (symbol) => (symbol === order.symbol ? quotePrice : 'at_cost'));
  const fill = next.trades.at(-1);
  if (fill === undefined) throw new FatalError('INTERNAL', 'applyFill recorded no fill', 'please report this as a bug');
  return { state: next, fill };
}

/** 100% in basis points. */
const ALL_BPS: Decimal = { units: 10_000n, scale: 0 };

/** `value × bps / 10,000`, exact. */
function ofBps(value: Decimal, bps: Decimal): Decimal {
  const product = multiply(value, bps);
  return { units: product.units, scale: product.scale + 4 };
}

function readBps(value: number | undefined, field: 'commissionBps' | 'slippageBps'): Decimal {
  const bps = value ?? 0;
  if (typeof bps !== 'number' || !Number.isFinite(bps) || bps < 0 || (field === 'slippageBps' && bps >= 10_000)) {
    throw new PortfolioError(
      'INVALID_COSTS',
      `${field} is ${String(value)}.`,
      `Set it to a finite number of basis points ≥ 0${field === 'slippageBps' ? ' and below 10000' : ''}.`,
      { field, value },
    );
  }
  return decimalFromNumber(bps);
}

function readCommissionMin(value: number | undefined): Decimal {
  try {
    return readMoney(value ?? 0, 'commissionMin');
  } catch (error) {
    if (!(error instanceof PortfolioError)) throw error;
    throw new PortfolioError('INVALID_COSTS', `commissionMin is ${String(value)}.`, 'Set it to whole cents ≥ 0 in base currency.', {
      field: 'commissionMin',
      value,
    });
  }
}
