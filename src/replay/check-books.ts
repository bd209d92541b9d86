import { ReplayError } from '../errors.js';
import type { SimBooks } from './sim-books.js';

/** Relative tolerance of the float books' identities (base currency, relative to equity). */
const TOLERANCE = 1e-9;

/**
 * Asserts the paper broker's invariants (seed note 001) on the replay's books at one session's marks:
 * equity = cash + Σ position values; total P&L = realized +
 * unrealized (Σ market value − cost basis); equity − initial capital − net deposits (none in a replay) = total P&L;
 * cash ≥ 0. Float books, so identities hold to 1e-9 of equity. The books' running totals are recounted from their
 * lots after every fill ({@link checkFill}), so this per-session check stays O(positions). Throws `ReplayError` `ACCOUNTING_INVARIANT` naming the
 * session and the broken identity: a replay never continues on books that do not reconcile.
 */
export function checkBooks(books: SimBooks, marks: (column: number) => number, columns: Iterable<number>, date: string, equity: number): void {
  const scale = Math.max(1, Math.abs(equity));
  let marketValue = 0;
  for (const j of columns) marketValue += books.quantity[j]! * marks(j);
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

/**
 * After a fill of column `j`: the cost basis and the shares the books keep for `j` equal its lots'. Throws
 * `ReplayError` `ACCOUNTING_INVARIANT` otherwise.
 */
export function checkFill(books: SimBooks, j: number, date: string): void {
  const off = books.recount(j);
  if (Math.abs(off.costBasis) > TOLERANCE * Math.max(1, books.costBasisTotal())) fail(date, `the cost basis kept for column ${j} differs from its lots' by ${off.costBasis}`);
  if (Math.abs(off.shares) > TOLERANCE * Math.max(1, books.quantity[j]!)) fail(date, `shares of column ${j} (${books.quantity[j]}) differ from its lots by ${off.shares}`);
}
