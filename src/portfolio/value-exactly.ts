import type { AccountState } from './account-state.js';
import { type Decimal, add, decimalFromNumber, multiply, subtract, sum } from './decimal.js';
import { groupLots } from './group-lots.js';

/** One position valued exactly. `price` is absent when the position is carried at cost. */
export interface ExactPosition {
  readonly symbol: string;
  readonly quantity: Decimal;
  readonly costBasis: Decimal;
  readonly openedAt: string;
  readonly price: Decimal | undefined;
  readonly marketValue: Decimal;
  readonly unrealizedPnl: Decimal;
}

/** An account valued exactly (all money in base currency). */
export interface ExactValuation {
  readonly cash: Decimal;
  readonly positions: readonly ExactPosition[];
  readonly equity: Decimal;
  readonly realizedPnl: Decimal;
  readonly unrealizedPnl: Decimal;
  readonly totalPnl: Decimal;
  readonly commissionsPaid: Decimal;
}

/**
 * A symbol's mark as an exact price, or `'at_cost'` to carry the position at its cost basis (used only for the
 * invariant check after a fill, where other symbols have no fresh quote; seed note 001's identities hold at any marks).
 */
export type MarkSource = (symbol: string) => Decimal | 'at_cost';

/**
 * Values the account exactly: per position market value = quantity × mark and unrealized P&L = market value − cost
 * basis; equity = cash + Σ market values; total P&L = realized + Σ unrealized. Throws whatever `markOf` throws.
 */
export function valueExactly(state: AccountState, markOf: MarkSource): ExactValuation {
  const positions = groupLots(state.lots).map((group): ExactPosition => {
    const mark = markOf(group.symbol);
    const price = mark === 'at_cost' ? undefined : mark;
    const marketValue = price === undefined ? group.costBasis : multiply(group.quantity, price);
    return { ...group, price, marketValue, unrealizedPnl: subtract(marketValue, group.costBasis) };
  });
  const cash = decimalFromNumber(state.cash);
  const realizedPnl = decimalFromNumber(state.realizedPnl);
  const unrealizedPnl = sum(positions.map((p) => p.unrealizedPnl));
  return {
    cash,
    positions,
    equity: add(cash, sum(positions.map((p) => p.marketValue))),
    realizedPnl,
    unrealizedPnl,
    totalPnl: add(realizedPnl, unrealizedPnl),
    commissionsPaid: decimalFromNumber(state.commissionsPaid),
  };
}
