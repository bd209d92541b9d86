import type { Side } from '../engine/proposal.js';

/**
 * One lot: shares bought in one fill and still held.
 *
 * Units: `quantity` in shares (> 0, exact as given, fractional allowed); `costBasis` in base currency, whole cents:
 * what the buy's notional paid for these shares, commissions excluded (they are expensed, see `AccountState`).
 * A partial sell relieves `costBasis` pro rata, rounded to cents, and leaves the remainder in the lot, so the last
 * share sold relieves exactly what is left and no cent is lost. Cost per share is `costBasis / quantity`; it is not
 * stored because it cannot be stored exactly. `openedAt` is the buy's ISO 8601 time.
 */
export interface Lot {
  readonly symbol: string;
  readonly quantity: number;
  readonly costBasis: number;
  readonly openedAt: string;
}

/**
 * One executed trade as the ledger recorded it.
 *
 * Units: `quantity` in shares; `price` the fill price per share (after slippage, unrounded); `notional` =
 * quantity × price rounded half away from zero to cents — the cash that changed hands before commission;
 * `commission`, `slippageCost` (what slippage cost against the quote, ≥ 0), `costRelieved` (cost basis taken off
 * the lots, 0 for buys) and `realizedPnl` (sells: notional − costRelieved − commission; buys: −commission) in base
 * currency, whole cents. `seq` counts fills from 1.
 */
export interface Fill {
  readonly seq: number;
  readonly symbol: string;
  readonly side: Side;
  readonly quantity: number;
  readonly price: number;
  readonly notional: number;
  readonly commission: number;
  readonly slippageCost: number;
  readonly costRelieved: number;
  readonly realizedPnl: number;
  readonly at: string;
}

/**
 * An account's ledger as plain JSON-safe data (position-based accounting, seed note 001): what the store keeps and
 * the next evaluation reads as holdings via `toHoldings`.
 *
 * Money fields are in `baseCurrency`, whole cents. `netDeposits` = deposits − withdrawals since opening (may be
 * negative). `lots` are in the order bought; sells relieve them first in, first out (FIFO, the only method).
 * Commissions reduce cash and count in `realizedPnl` as an expense at the fill that pays them (buys included), and
 * are also totalled in `commissionsPaid`; so at any prices
 * `cash + Σ market values − initialCapital − netDeposits = realizedPnl + Σ (market value − costBasis)` exactly.
 */
export interface AccountState {
  readonly accountId: string;
  readonly baseCurrency: string;
  readonly openedAt: string;
  readonly initialCapital: number;
  readonly netDeposits: number;
  readonly cash: number;
  readonly lots: readonly Lot[];
  readonly realizedPnl: number;
  readonly commissionsPaid: number;
  readonly trades: readonly Fill[];
}
