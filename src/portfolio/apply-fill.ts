import type { Side } from '../engine/proposal.js';
import type { AccountState, Fill, Lot } from './account-state.js';
import {
  type Decimal,
  add,
  compare,
  decimalFromNumber,
  multiply,
  multiplyDivideRounded,
  roundHalfAwayFromZero,
  subtract,
  sum,
  ZERO,
} from './decimal.js';
import { PortfolioError } from '../errors.js';
import { CENTS, readMoney, readPrice, readQuantity, readTime, toStored } from './ledger-values.js';

/**
 * An execution to book. Units: `quantity` in shares (> 0); `price` per share in base currency (> 0, after
 * slippage); `notional` in base currency, whole cents — defaults to quantity × price rounded half away from zero to
 * cents; `commission` and `slippageCost` in base currency, whole cents, default 0; `at` an ISO 8601 time not earlier
 * than the account's last fill.
 */
export interface FillInput {
  readonly symbol: string;
  readonly side: Side;
  readonly quantity: number;
  readonly price: number;
  readonly notional?: number;
  readonly commission?: number;
  readonly slippageCost?: number;
  readonly at: string;
}

/**
 * Books one buy or sell and returns the new state; the recorded `Fill` is the last entry of `trades`.
 *
 * Buy: cash −= notional + commission; a new lot with `costBasis` = notional (fees excluded).
 * Sell: lots of the symbol are relieved first in, first out (a lot sold in part keeps the rest of its cost, relief
 * rounded to cents); cash += notional − commission; realized P&L += notional − cost relieved − commission.
 * Both sides: commissions paid += commission, and a buy's commission is realized P&L (an expense) at once.
 *
 * Throws `PortfolioError`: `INVALID_ORDER`, `INVALID_QUANTITY`, `INVALID_PRICE`, `INVALID_AMOUNT`, `INVALID_TIME`,
 * `INSUFFICIENT_CASH` (cash would go negative), `INSUFFICIENT_QUANTITY` (selling more than held),
 * `NOT_REPRESENTABLE`. A refused fill leaves `state` as it was.
 */
export function applyFill(state: AccountState, input: FillInput): AccountState {
  if (typeof input.symbol !== 'string' || input.symbol.length === 0 || (input.side !== 'buy' && input.side !== 'sell')) {
    throw new PortfolioError('INVALID_ORDER', `A fill of ${input.symbol} ${input.side} has no symbol or no side.`, 'Give a symbol and a side of buy or sell.', {
      symbol: input.symbol,
      side: input.side,
    });
  }
  const quantity = readQuantity(input.quantity);
  const price = readPrice(input.price, 'price');
  const notional =
    input.notional === undefined
      ? roundHalfAwayFromZero(multiply(quantity, price), CENTS)
      : readMoney(input.notional, 'notional');
  const commission = readMoney(input.commission ?? 0, 'commission');
  const slippageCost = readMoney(input.slippageCost ?? 0, 'slippageCost');
  checkTimeOrder(state, input.at);

  const cash = decimalFromNumber(state.cash);
  const booked =
    input.side === 'buy'
      ? bookBuy(state, input, quantity, notional, commission, cash)
      : bookSell(state, input, quantity, notional, commission, cash);

  const fill: Fill = {
    seq: state.trades.length + 1,
    symbol: input.symbol,
    side: input.side,
    quantity: input.quantity,
    price: input.price,
    notional: toStored(notional, 'notional'),
    commission: toStored(commission, 'commission'),
    slippageCost: toStored(slippageCost, 'slippageCost'),
    costRelieved: toStored(booked.costRelieved, 'costRelieved'),
    realizedPnl: toStored(booked.realizedPnl, 'realizedPnl'),
    at: input.at,
  };
  return {
    ...state,
    cash: toStored(booked.cashAfter, 'cash'),
    lots: booked.lots,
    realizedPnl: toStored(add(decimalFromNumber(state.realizedPnl), booked.realizedPnl), 'realizedPnl'),
    commissionsPaid: toStored(add(decimalFromNumber(state.commissionsPaid), commission), 'commissionsPaid'),
    trades: [...state.trades, fill],
  };
}

interface Booked {
  readonly lots: readonly Lot[];
  readonly cashAfter: Decimal;
  readonly costRelieved: Decimal;
  readonly realizedPnl: Decimal;
}

function checkTimeOrder(state: AccountState, at: string): void {
  const ms = readTime(at);
  const last = state.trades.at(-1)?.at ?? state.openedAt;
  if (ms < Date.parse(last)) {
    throw new PortfolioError('INVALID_TIME', `Fill time ${at} is earlier than the account's last entry at ${last}`, 'book fills in time order', {
      accountId: state.accountId,
      at,
      last,
    });
  }
}

function refuseCash(state: AccountState, input: FillInput, cashAfter: Decimal): never {
  throw new PortfolioError(
    'INSUFFICIENT_CASH',
    `Cannot ${input.side} ${input.quantity} ${input.symbol}: cash ${state.cash} ${state.baseCurrency} would go to ` +
      `${toStored(cashAfter, 'cash')} and margin is not allowed.`,
    'Trade a smaller quantity or add cash first.',
    { accountId: state.accountId, symbol: input.symbol, side: input.side, quantity: input.quantity, cash: state.cash },
  );
}

function bookBuy(
  state: AccountState,
  input: FillInput,
  quantity: Decimal,
  notional: Decimal,
  commission: Decimal,
  cash: Decimal,
): Booked {
  const cashAfter = subtract(subtract(cash, notional), commission);
  if (compare(cashAfter, ZERO) < 0) refuseCash(state, input, cashAfter);
  const lot: Lot = {
    symbol: input.symbol,
    quantity: toStored(quantity, 'quantity'),
    costBasis: toStored(notional, 'costBasis'),
    openedAt: input.at,
  };
  return { lots: [...state.lots, lot], cashAfter, costRelieved: ZERO, realizedPnl: subtract(ZERO, commission) };
}

function bookSell(
  state: AccountState,
  input: FillInput,
  quantity: Decimal,
  notional: Decimal,
  commission: Decimal,
  cash: Decimal,
): Booked {
  const held = sum(state.lots.filter((lot) => lot.symbol === input.symbol).map((lot) => decimalFromNumber(lot.quantity)));
  if (compare(quantity, held) > 0) {
    throw new PortfolioError(
      'INSUFFICIENT_QUANTITY',
      `Cannot sell ${input.quantity} ${input.symbol}: the account holds ${toStored(held, 'quantity')}.`,
      'Sell at most the quantity held (no short selling).',
      { accountId: state.accountId, symbol: input.symbol, quantity: input.quantity, held: toStored(held, 'quantity') },
    );
  }
  const cashAfter = subtract(add(cash, notional), commission);
  if (compare(cashAfter, ZERO) < 0) refuseCash(state, input, cashAfter);

  let remaining = quantity;
  let costRelieved = ZERO;
  const lots: Lot[] = [];
  for (const lot of state.lots) {
    if (lot.symbol !== input.symbol || compare(remaining, ZERO) === 0) {
      lots.push(lot);
      continue;
    }
    const lotQuantity = decimalFromNumber(lot.quantity);
    const lotCost = decimalFromNumber(lot.costBasis);
    if (compare(remaining, lotQuantity) >= 0) {
      // The whole lot goes: relieve all of its cost, whatever rounding earlier partial sells left in it.
      remaining = subtract(remaining, lotQuantity);
      costRelieved = add(costRelieved, lotCost);
      continue;
    }
    const relief = multiplyDivideRounded(lotCost, remaining, lotQuantity, CENTS);
    costRelieved = add(costRelieved, relief);
    lots.push({
      ...lot,
      quantity: toStored(subtract(lotQuantity, remaining), 'quantity'),
      costBasis: toStored(subtract(lotCost, relief), 'costBasis'),
    });
    remaining = ZERO;
  }
  return { lots, cashAfter, costRelieved, realizedPnl: subtract(subtract(notional, costRelieved), commission) };
}
