import { ReplayError } from '../errors.js';
import type { SimBooks } from './sim-books.js';

/** Relative tolerance of the float books' identities (base currency, relative to equity). */
const TOLERANCE = 1e-9;

/**
 * Asserts the paper broker's invariants (seed note 001) on the replay's books at one session's marks:
 * equity = cash + Σ position values, with each position's shares equal to its lots'; total P&L = realized +
 * unrealized (Σ market value − cost basis); equity − initial capital − net deposits (none in a replay) = total P&L;
 * cash ≥ 0. Float books, so identities hold to 1e-9 of equity. Throws `ReplayError` `ACCOUNTING_INVARIANT` naming the
 * session and the broken identity: a replay never continues on books that do not reconcile.
 */
export function checkBooks(books: SimBooks, marks: (column: number) => number, columns: readonly number[], date: string, equity: number): void {
  const scale = Math.max(1, Math.abs(equity));
  let marketValue = 0;
  for (const j of columns) {
    const held = books.quantity[j]!;
    if (Math.abs(books.lotQuantity(j) - held) > TOLERANCE * Math.max(1, held)) fail(date, `shares of column ${j} (${held}) differ from its lots (${books.lotQuantity(j)})`);
    marketValue += held * marks(j);
  }
  if (Math.abs(books.cash + marketValue - equity) > TOLERANCE * scale) fail(date, `equity ${equity} is not cash ${books.cash} + positions ${marketValue}`);
  const unrealized = marketValue - books.costBasisTotal();
  const totalPnl = equity - books.ledgerCapital;
  if (Math.abs(totalPnl - (books.realizedPnl + unrealized)) > TOLERANCE * scale) {
    fail(date, `equity − initial capital (${totalPnl}) is not realized ${books.realizedPnl} + unrealized ${unrealized} P&L`);
  }
  if (books.cash < -TOLERANCE * scale) fail(date, `cash is negative (${books.cash})`);
}

function fail(date: string, what: string): never {
  throw new ReplayError('ACCOUNTING_INVARIANT', `replay books do not reconcile on ${date}: ${what}`, 'this is a bug in Ballast; please report it with the command you ran');
}
