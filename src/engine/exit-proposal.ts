import type { Policy } from '../policy/policy.js';
import { flatText } from '../util/flat-text.js';
import type { Candidate } from './candidate.js';
import type { CompiledRule } from './compiled-rules.js';
import { money, pct, shares } from '../text/numbers.js';
import type { PositionFacts } from './position-facts.js';
import type { Proposal } from './proposal.js';

/**
 * Writes the proposal of a sized exit candidate (see `sizeExit`): a sell of every share is an `exit`
 * and anything less a `trim`, the weights before and after, and a reason with the real numbers ("up 31.2% since
 * entry (100.00 → 131.20), at or above the 30% take-profit: sell 50.0% (5 of 10 sh, 656.00)"). `rule` is the rule
 * that sized it, `explanation` what json-rules-engine's result says of a custom rule's conditions ('' for the
 * built-ins), `facts` the position's facts. Its id is given when the run is recorded.
 */
export function exitProposal(policy: Policy, candidate: Candidate, rule: CompiledRule, explanation: string, facts: PositionFacts): Proposal {
  const { exits } = policy;
  const { quantity, notional, ruleId } = candidate;
  const { quantity: held, price, equity } = facts;
  let why: string;
  switch (candidate.kind) {
    case 'take_profit': {
      const part = exits.take_profit.sell_pct >= 100 ? 'sell all' : `sell ${pct(exits.take_profit.sell_pct)}%`;
      why = `up ${pct(facts.unrealized_pnl_pct)}% since entry (${money(facts.average_cost)} → ${money(price)}), at or above the ${exits.take_profit.gain_pct}% take-profit: ${part}`;
      break;
    }
    case 'cut_loss': {
      const { loss_pct, hard_stop_pct } = exits.cut_loss;
      const past = -facts.unrealized_pnl_pct >= hard_stop_pct ? `, already past the −${hard_stop_pct}% hard stop` : ` (hard stop −${hard_stop_pct}%)`;
      why = `down ${pct(-facts.unrealized_pnl_pct)}% since entry (${money(facts.average_cost)} → ${money(price)}), at or past the −${loss_pct}% cut-loss${past}: sell all`;
      break;
    }
    case 'stale':
      why = `held ${facts.days_held} days and moved only ${pct(facts.move_since_entry_pct)}% since entry (under ${exits.stale.max_move_pct}% in ${exits.stale.days_held}+ days): sell all`;
      break;
    case 'concentration':
      why = `${pct(facts.weight_pct)}% of equity, at or above the ${exits.concentration.max_weight_pct}% maximum: trim to ${exits.concentration.trim_to_pct}%`;
      break;
    default: {
      const custom = rule.custom!;
      const label = custom.description ? `${custom.id} (${custom.description})` : custom.id;
      const message = custom.event.params.message ? `; ${custom.event.params.message}` : '';
      const part = custom.event.type === 'exit' ? 'sell all' : `sell ${pct(custom.event.params.sell_pct)}%`;
      why = `rule ${label}: ${explanation}${message}: ${part}`;
    }
  }
  const weightAfterPct = equity > 0 ? ((facts.market_value - quantity * price) * 100) / equity : 0;
  const alsoFired = candidate.alsoFired.map((c) => c.ruleId);
  return {
    policyId: policy.id,
    kind: candidate.kind,
    action: quantity >= held ? 'exit' : 'trim',
    ruleId,
    symbol: facts.symbol,
    side: 'sell',
    quantity,
    price,
    notional,
    weightBeforePct: facts.weight_pct,
    weightAfterPct: Math.round(weightAfterPct * 1e6) / 1e6,
    reason: flatText(`${why} (${shares(quantity)} of ${shares(held)} sh, ${money(notional)})`),
    alsoFired,
    tags: [ruleId, ...alsoFired],
  };
}
