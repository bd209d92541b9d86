import type { AccountState, Lot } from './account-state.js';
import { add, decimalFromNumber, multiply, roundHalfAwayFromZero, sum } from './decimal.js';
import type { Holdings } from './holdings.js';
import { CENTS, readMoney, readQuantity, readTime, toStored } from './ledger-values.js';

/** What seeding an account from existing holdings needs; `at` is the ISO 8601 time the account is opened. */
export interface SeedAccountInput {
  readonly accountId: string;
  readonly baseCurrency: string;
  readonly holdings: Holdings;
  readonly at: string;
}

/**
 * Opens an account that already holds `holdings` (e.g. the example holdings CSV): one lot per position, opened on
 * its `openedDate` (`YYYY-MM-DD` + `T00:00:00.000Z`), cost basis = quantity × average cost rounded half away from zero
 * to cents, cash as given. `initialCapital` = cash + Σ cost basis, so the ledger starts with zero P&L and the
 * invariants hold at cost. No fills are recorded: the positions predate the ledger.
 * Throws `PortfolioError` `INVALID_AMOUNT` (cash not whole cents ≥ 0), `INVALID_QUANTITY`, `INVALID_TIME`.
 */
export function seedAccount(input: SeedAccountInput): AccountState {
  readTime(input.at);
  const cash = readMoney(input.holdings.cash, 'cash');
  const lots: Lot[] = input.holdings.positions.map((position) => {
    const quantity = readQuantity(position.quantity);
    const costBasis = roundHalfAwayFromZero(multiply(quantity, decimalFromNumber(position.averageCost)), CENTS);
    const openedAt = `${position.openedDate}T00:00:00.000Z`;
    readTime(openedAt, 'openedDate');
    return { symbol: position.symbol, quantity: position.quantity, costBasis: toStored(costBasis, 'costBasis'), openedAt };
  });
  const capital = add(cash, sum(lots.map((lot) => decimalFromNumber(lot.costBasis))));
  return {
    accountId: input.accountId,
    baseCurrency: input.baseCurrency,
    openedAt: input.at,
    initialCapital: toStored(capital, 'initialCapital'),
    netDeposits: 0,
    cash: input.holdings.cash,
    lots: [...lots].sort((a, b) => a.openedAt.localeCompare(b.openedAt)),
    realizedPnl: 0,
    commissionsPaid: 0,
    trades: [],
  };
}
