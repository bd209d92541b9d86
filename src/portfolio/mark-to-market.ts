import type { AccountState } from './account-state.js';
import { decimalToNumber } from './decimal.js';
import { datePart } from './group-lots.js';
import { type Prices, priceOf } from './prices.js';
import { valueExactly } from './value-exactly.js';

/**
 * One position valued at a mark. Units: `quantity` in shares; `averageCost` = costBasis / quantity and `price` per
 * share; `costBasis`, `marketValue` (quantity × price) and `unrealizedPnl` (marketValue − costBasis) in base currency,
 * unrounded; `unrealizedPnlPct` in percent of cost basis (0 when cost basis is 0); `weightPct` in percent of equity
 * (0 when equity is 0); `openedDate` the earliest open lot's date, `YYYY-MM-DD`.
 */
export interface PositionValuation {
  readonly symbol: string;
  readonly quantity: number;
  readonly averageCost: number;
  readonly openedDate: string;
  readonly price: number;
  readonly costBasis: number;
  readonly marketValue: number;
  readonly unrealizedPnl: number;
  readonly unrealizedPnlPct: number;
  readonly weightPct: number;
}

/**
 * An account valued at marks (base currency, unrounded): `equity` = cash + Σ market values, `totalPnl` =
 * `realizedPnl` + `unrealizedPnl` (commissions are inside `realizedPnl` and also shown as `commissionsPaid`).
 * Each figure is computed exactly and then converted to the nearest double once, so sums of the reported doubles
 * can differ from the reported totals by float spacing (~1e-8 at 1e8); `checkInvariants` compares exactly.
 */
export interface Valuation {
  readonly equity: number;
  readonly cash: number;
  readonly positions: readonly PositionValuation[];
  readonly realizedPnl: number;
  readonly unrealizedPnl: number;
  readonly totalPnl: number;
  readonly commissionsPaid: number;
}

/**
 * Values the account at `prices` (position-based accounting, seed note 001), positions sorted by symbol.
 * Throws `PortfolioError` `MISSING_PRICE` when a held symbol has no price, `INVALID_PRICE` for a negative one.
 */
export function markToMarket(state: AccountState, prices: Prices): Valuation {
  const exact = valueExactly(state, (symbol) => priceOf(prices, symbol));
  const equity = decimalToNumber(exact.equity);
  return {
    equity,
    cash: decimalToNumber(exact.cash),
    positions: exact.positions.map((p): PositionValuation => {
      const quantity = decimalToNumber(p.quantity);
      const costBasis = decimalToNumber(p.costBasis);
      const marketValue = decimalToNumber(p.marketValue);
      const unrealizedPnl = decimalToNumber(p.unrealizedPnl);
      return {
        symbol: p.symbol,
        quantity,
        averageCost: costBasis / quantity,
        openedDate: datePart(p.openedAt),
        price: p.price === undefined ? costBasis / quantity : decimalToNumber(p.price),
        costBasis,
        marketValue,
        unrealizedPnl,
        unrealizedPnlPct: costBasis === 0 ? 0 : (unrealizedPnl / costBasis) * 100,
        weightPct: equity === 0 ? 0 : (marketValue / equity) * 100,
      };
    }),
    realizedPnl: decimalToNumber(exact.realizedPnl),
    unrealizedPnl: decimalToNumber(exact.unrealizedPnl),
    totalPnl: decimalToNumber(exact.totalPnl),
    commissionsPaid: decimalToNumber(exact.commissionsPaid),
  };
}
