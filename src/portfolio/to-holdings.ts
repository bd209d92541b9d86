import type { AccountState } from './account-state.js';
import { decimalToNumber } from './decimal.js';
import { datePart, groupLots } from './group-lots.js';
import type { Holdings } from './holdings.js';

/**
 * What the evaluation core reads about the account: cash and one position per symbol (sorted by symbol), with
 * `averageCost` = Σ cost basis / Σ quantity of the open lots (base currency per share, commissions excluded) and
 * `openedDate` = the earliest open lot's date as `YYYY-MM-DD` (as written in its ISO time).
 */
export function toHoldings(state: AccountState): Holdings {
  return {
    cash: state.cash,
    positions: groupLots(state.lots).map((group) => {
      const quantity = decimalToNumber(group.quantity);
      return {
        symbol: group.symbol,
        quantity,
        averageCost: decimalToNumber(group.costBasis) / quantity,
        openedDate: datePart(group.openedAt),
      };
    }),
  };
}
