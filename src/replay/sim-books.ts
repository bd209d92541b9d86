import { decimalFromNumber, decimalToNumber, multiplyDivideRounded } from '../portfolio/decimal.js';
import type { Holdings, Position } from '../portfolio/holdings.js';
import { roundMoney } from '../util/round.js';
import { ReplayError } from '../errors.js';

/** One lot of the simulated books: shares bought in one fill, their cost basis (base currency) and the fill date. */
interface SimLot {
  quantity: number;
  costBasis: number;
  readonly openedDate: string;
}

/** What booking one fill did: the cost basis it relieved (sells) and its realized P&L (sells, commission included). */
export interface Booked {
  readonly costRelieved: number;
  readonly realizedPnl: number;
}

/**
 * The replay's books in float64 (as bt and vectorbt keep theirs): cash, FIFO lots per symbol, realized P&L and
 * commissions, with the paper ledger's conventions (`applyFill`, seed note 001): a buy opens a lot at cost = notional
 * (commission expensed to realized P&L at once), a sell relieves lots first in, first out, pro rata within a lot.
 * With `roundCents` every amount is whole cents as in the ledger: cash is rounded to the cent after each fill and a
 * partial relief is computed exactly, so cash and cost bases equal the ledger's to the last digit. Symbols are column indexes of the replay's price panel.
 * A test feeds the same fills to the exact ledger and finds the same equity within 1e-9 relative.
 */
export class SimBooks {
  cash: number;
  /** Cash + Σ cost basis at the start: the ledger's initial capital. */
  readonly ledgerCapital: number;
  realizedPnl = 0;
  commissionsPaid = 0;
  /** Shares held per symbol column. */
  readonly quantity: Float64Array;
  readonly #lots: (SimLot[] | undefined)[];
  readonly #symbols: readonly string[];
  readonly #roundCents: boolean;
  #holdings: Holdings | undefined;
  /** Each held column's position as `holdings()` gives it, until a fill of that column. */
  readonly #positions: (Position | undefined)[];
  /** Columns in symbol order, the order of `holdings().positions`. */
  readonly #bySymbol: Int32Array;
  #costBasis = 0;
  readonly #columnCost: Float64Array;

  constructor(symbols: readonly string[], start: Holdings, roundCents: boolean) {
    this.#symbols = symbols;
    this.#roundCents = roundCents;
    this.quantity = new Float64Array(symbols.length);
    this.#columnCost = new Float64Array(symbols.length);
    this.#lots = new Array(symbols.length);
    this.#positions = new Array(symbols.length);
    this.#bySymbol = Int32Array.from(symbols.keys()).sort((a, b) => (symbols[a]! < symbols[b]! ? -1 : symbols[a]! > symbols[b]! ? 1 : 0));
    this.cash = start.cash;
    let capital = start.cash;
    const column = new Map(symbols.map((s, j) => [s, j] as const));
    for (const position of start.positions) {
      const j = column.get(position.symbol);
      if (j === undefined) throw new ReplayError('REPLAY_MISSING_PRICE', `${position.symbol} is held but is not a column of the prices`, 'add its column or remove the holding');
      const costBasis = this.#money(position.quantity * position.averageCost);
      this.#lots[j] = [{ quantity: position.quantity, costBasis, openedDate: position.openedDate }];
      this.quantity[j] = position.quantity;
      this.#costBasis += costBasis;
      this.#columnCost[j] = costBasis;
      capital += costBasis;
    }
    this.ledgerCapital = capital;
  }

  /**
   * The holdings the evaluation reads, as `toHoldings` gives them from the ledger (one per symbol, by symbol). Cached
   * until the next fill, and each position until a fill of its symbol.
   */
  holdings(): Holdings {
    if (this.#holdings) return this.#holdings;
    const positions: Position[] = [];
    for (const j of this.#bySymbol) {
      const lots = this.#lots[j];
      if (!lots || lots.length === 0) continue;
      positions.push((this.#positions[j] ??= this.#position(j, lots)));
    }
    this.#holdings = { cash: this.cash, positions };
    return this.#holdings;
  }

  #position(j: number, lots: readonly SimLot[]): Position {
    let quantity = 0;
    let cost = 0;
    for (const lot of lots) {
      quantity += lot.quantity;
      cost += lot.costBasis;
    }
    return { symbol: this.#symbols[j]!, quantity, averageCost: this.#money(cost) / quantity, openedDate: lots[0]!.openedDate };
  }

  /** Σ cost basis of the open lots of every symbol, base currency: kept as fills book, recounted from the lots by {@link SimBooks.recount}. */
  costBasisTotal(): number {
    return this.#costBasis;
  }

  /**
   * Recounts what the books keep as running totals of column `j` from its lots: its cost basis and its shares. Returns
   * the differences (0 when the books agree with their lots).
   */
  recount(j: number): { readonly costBasis: number; readonly shares: number } {
    let cost = 0;
    for (const lot of this.#lots[j] ?? []) cost += lot.costBasis;
    return { costBasis: cost - this.#columnCost[j]!, shares: this.lotQuantity(j) - this.quantity[j]! };
  }

  /** Σ shares of the open lots of one symbol: must equal `quantity[j]`. */
  lotQuantity(j: number): number {
    let total = 0;
    for (const lot of this.#lots[j] ?? []) total += lot.quantity;
    return total;
  }

  /** Books a buy of `quantity` shares of column `j` for `notional` plus `commission` (base currency), on `date`. */
  buy(j: number, quantity: number, notional: number, commission: number, date: string): Booked {
    (this.#lots[j] ??= []).push({ quantity, costBasis: notional, openedDate: date });
    this.quantity[j] = this.quantity[j]! + quantity;
    this.#costBasis += notional;
    this.#columnCost[j] = this.#columnCost[j]! + notional;
    this.cash = this.#money(this.cash - notional - commission);
    this.realizedPnl -= commission;
    this.commissionsPaid += commission;
    this.#holdings = undefined;
    this.#positions[j] = undefined;
    return { costRelieved: 0, realizedPnl: -commission };
  }

  /** Books a sell of `quantity` shares (≤ held) of column `j` for `notional` minus `commission`: FIFO relief. */
  sell(j: number, quantity: number, notional: number, commission: number): Booked {
    const lots = this.#lots[j] ?? [];
    let remaining = quantity;
    let relieved = 0;
    while (remaining > 0 && lots.length > 0) {
      const lot = lots[0]!;
      if (remaining >= lot.quantity) {
        remaining -= lot.quantity;
        relieved += lot.costBasis;
        lots.shift();
        continue;
      }
      const relief = this.#relief(lot, remaining);
      relieved += relief;
      lot.costBasis -= relief;
      lot.quantity -= remaining;
      remaining = 0;
    }
    this.quantity[j] = lots.length === 0 ? 0 : this.quantity[j]! - quantity;
    this.#costBasis -= relieved;
    this.#columnCost[j] = lots.length === 0 ? 0 : this.#columnCost[j]! - relieved;
    const realized = notional - relieved - commission;
    this.cash = this.#money(this.cash + notional - commission);
    this.realizedPnl += realized;
    this.commissionsPaid += commission;
    this.#holdings = undefined;
    this.#positions[j] = undefined;
    return { costRelieved: relieved, realizedPnl: realized };
  }

  /** The cost basis a partial sell of `sold` shares takes off a lot: pro rata, exactly to the cent as the ledger does. */
  #relief(lot: SimLot, sold: number): number {
    if (!this.#roundCents) return (lot.costBasis * sold) / lot.quantity;
    const exact = multiplyDivideRounded(decimalFromNumber(lot.costBasis), decimalFromNumber(sold), decimalFromNumber(lot.quantity), 2);
    return decimalToNumber(exact);
  }

  #money(value: number): number {
    return this.#roundCents ? roundMoney(value) : value;
  }
}
