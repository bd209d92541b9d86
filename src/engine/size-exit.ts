import { FatalError } from '../errors.js';
import type { Policy } from '../policy/policy.js';
import { stableHash } from '../util/stable-hash.js';
import { roundDown, roundMoney, roundUp } from '../util/round.js';
import type { Candidate } from './candidate.js';
import { money, pct, shares } from '../text/numbers.js';
import type { PositionFacts } from './position-facts.js';
import type { ProposalKind } from './proposal.js';

/** What fired for one position: the rule id and, for custom rules, the explanation of its conditions. */
export interface FiredRule {
  readonly ruleId: string;
  readonly explanation: string;
}

/**
 * Turns a fired rule into a sell candidate for the position: how many shares, and a reason with the real numbers.
 *
 * Sizing (whole shares unless `fractional_shares`, then steps of 0.000001 share):
 * - `take_profit` and custom `trim`: floor(quantity × sell_pct / 100): never sell more than the rule asks.
 * - `concentration`: ceil((market value − trim_to_pct% of equity) / price), capped at the quantity held, so the
 *   position ends at or below the trim-to weight.
 * - `cut_loss`, `stale`, custom `exit`: the whole position.
 * A sell of every share is an `exit`, anything less a `trim`. `notional` = quantity × price rounded to cents.
 */
export function sizeExit(policy: Policy, facts: PositionFacts, fired: FiredRule, asOf: string): Candidate {
  const unrounded = policy.rounding === 'none';
  const decimals = policy.fractional_shares ? 6 : 0;
  const { quantity: held, price, equity } = facts;
  const { exits } = policy;
  let kind: ProposalKind;
  let quantity: number;
  let why: string;
  let rulePriority = 0;
  switch (fired.ruleId) {
    case 'take_profit': {
      kind = 'take_profit';
      quantity = unrounded ? (held * exits.take_profit.sell_pct) / 100 : roundDown((held * exits.take_profit.sell_pct) / 100, decimals);
      const part = exits.take_profit.sell_pct >= 100 ? 'sell all' : `sell ${pct(exits.take_profit.sell_pct)}%`;
      why = `up ${pct(facts.unrealized_pnl_pct)}% since entry (${money(facts.average_cost)} → ${money(price)}), at or above the ${exits.take_profit.gain_pct}% take-profit: ${part}`;
      break;
    }
    case 'cut_loss': {
      kind = 'cut_loss';
      quantity = held;
      const { loss_pct, hard_stop_pct } = exits.cut_loss;
      const past = -facts.unrealized_pnl_pct >= hard_stop_pct ? `, already past the −${hard_stop_pct}% hard stop` : ` (hard stop −${hard_stop_pct}%)`;
      why = `down ${pct(-facts.unrealized_pnl_pct)}% since entry (${money(facts.average_cost)} → ${money(price)}), at or past the −${loss_pct}% cut-loss${past}: sell all`;
      break;
    }
    case 'stale': {
      kind = 'stale';
      quantity = held;
      why = `held ${facts.days_held} days and moved only ${pct(facts.move_since_entry_pct)}% since entry (under ${exits.stale.max_move_pct}% in ${exits.stale.days_held}+ days): sell all`;
      break;
    }
    case 'concentration': {
      kind = 'concentration';
      const targetValue = (exits.concentration.trim_to_pct / 100) * equity;
      const excess = (facts.market_value - targetValue) / price;
      quantity = Math.min(held, unrounded ? excess : roundUp(excess, decimals));
      why = `${pct(facts.weight_pct)}% of equity, at or above the ${exits.concentration.max_weight_pct}% maximum: trim to ${exits.concentration.trim_to_pct}%`;
      break;
    }
    default: {
      kind = 'custom';
      const rule = policy.rules.find((r) => `custom:${r.id}` === fired.ruleId);
      if (!rule) throw new FatalError('INTERNAL', `fired rule ${fired.ruleId} is not in policy ${policy.id}`, 'please report this as a bug');
      rulePriority = rule.priority;
      const share = (held * rule.event.params.sell_pct) / 100;
      quantity = rule.event.type === 'exit' ? held : unrounded ? share : roundDown(share, decimals);
      const label = rule.description ? `${rule.id} (${rule.description})` : rule.id;
      const message = rule.event.params.message ? `; ${rule.event.params.message}` : '';
      const part = rule.event.type === 'exit' ? 'sell all' : `sell ${pct(rule.event.params.sell_pct)}%`;
      why = `rule ${label}: ${fired.explanation}${message}: ${part}`;
    }
  }
  const notional = unrounded ? quantity * price : roundMoney(quantity * price);
  const weightAfterPct = equity > 0 ? ((facts.market_value - quantity * price) * 100) / equity : 0;
  const idSource = `${policy.id}|${asOf}|${fired.ruleId}|${facts.symbol}|sell|${quantity}`;
  return {
    facts,
    rulePriority,
    proposal: {
      id: `p-${stableHash(idSource).slice(0, 10)}`,
      policyId: policy.id,
      kind,
      action: quantity >= held ? 'exit' : 'trim',
      ruleId: fired.ruleId,
      symbol: facts.symbol,
      side: 'sell',
      quantity,
      price,
      notional,
      weightBeforePct: facts.weight_pct,
      weightAfterPct: Math.round(weightAfterPct * 1e6) / 1e6,
      reason: `${why} (${shares(quantity)} of ${shares(held)} sh, ${money(notional)})`,
      alsoFired: [],
      tags: [fired.ruleId],
    },
  };
}
