import type { Proposal } from '../engine/proposal.js';
import type { Execution } from '../policy/policy.js';
import { roundMoney } from '../util/round.js';
import type { ReplayFill } from './replay-result.js';
import type { SimBooks } from './sim-books.js';

/** An approved proposal waiting for its fill: the column of its symbol, the session it saw, the run that made it. */
export interface ReplayOrder {
  readonly proposal: Proposal;
  readonly column: number;
  readonly decidedOn: string;
  readonly run: number;
}

/** How the simulated broker rounds: cents and share steps (1 = whole shares, 0.000001 with fractional shares), or not at all. */
export interface BrokerRounding {
  readonly cents: boolean;
  /** Share step of quantities reduced to what cash affords; undefined: unrounded. */
  readonly shareStep: number | undefined;
}

/**
 * The replay's simulated broker: fills an approved order at `quote` (the fill session's close) with the policy's
 * costs, as the paper broker does (`executePaper`): fill price = quote × (1 ± slippage_bps / 10,000), against the
 * trader; notional = quantity × fill price; commission = max(commission_min, notional × commission_bps / 10,000);
 * both rounded half away from zero to cents unless `rounding.cents` is off. What an order asks is held to what the
 * books allow when it fills: a sell to the shares held (an earlier order of the same symbol may have sold them), a buy
 * to what the cash pays for, costs included (a next-close fill may cost more than the decision's price). Returns
 * undefined when nothing is left to fill.
 */
export function fillOrder(books: SimBooks, order: ReplayOrder, quote: number, date: string, costs: Execution, rounding: BrokerRounding): ReplayFill | undefined {
  const { proposal, column } = order;
  const buy = proposal.side === 'buy';
  const price = quote * (buy ? 1 + costs.slippage_bps / 10_000 : 1 - costs.slippage_bps / 10_000);
  let quantity = buy ? proposal.quantity : Math.min(proposal.quantity, books.quantity[column]!);
  let notional = money(quantity * price, rounding);
  let commission = commissionOf(notional, costs, rounding);
  if (buy && notional + commission > books.cash + (rounding.cents ? 0 : CASH_DUST * notional)) {
    quantity = affordable(books.cash, price, costs, rounding);
    notional = money(quantity * price, rounding);
    commission = commissionOf(notional, costs, rounding);
  }
  if (!(quantity > 0)) return undefined;
  const booked = buy ? books.buy(column, quantity, notional, commission, date) : books.sell(column, quantity, notional, commission);
  return {
    date,
    decidedOn: order.decidedOn,
    symbol: proposal.symbol,
    side: proposal.side,
    quantity,
    price,
    notional,
    commission,
    kind: proposal.kind,
    ruleId: proposal.ruleId,
    reason: proposal.reason,
    realizedPnl: buy ? 0 : booked.realizedPnl,
  };
}

/** Unrounded books let a buy pass the cash by this share of its notional: float dust, not a shortfall. */
const CASH_DUST = 1e-12;

function money(value: number, rounding: BrokerRounding): number {
  return rounding.cents ? roundMoney(value) : value;
}

function commissionOf(notional: number, costs: Execution, rounding: BrokerRounding): number {
  if (costs.commission_bps === 0 && costs.commission_min === 0) return 0;
  return money(Math.max(costs.commission_min, (notional * costs.commission_bps) / 10_000), rounding);
}

/** The most shares (in share steps) whose notional and commission `cash` pays for. */
function affordable(cash: number, price: number, costs: Execution, rounding: BrokerRounding): number {
  const perShare = price * (1 + costs.commission_bps / 10_000);
  const raw = Math.max(0, Math.min((cash - costs.commission_min) / price, cash / perShare));
  const step = rounding.shareStep;
  if (step === undefined) return raw;
  let units = Math.floor(raw / step + 1e-9);
  const fits = (u: number): boolean => {
    const notional = money(u * step * price, rounding);
    return notional + commissionOf(notional, costs, rounding) <= cash;
  };
  while (units > 0 && !fits(units)) units -= 1;
  return Number((units * step).toFixed(6));
}
