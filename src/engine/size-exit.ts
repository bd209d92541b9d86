import { FatalError } from '../errors.js';
import type { Policy } from '../policy/policy.js';
import { roundDown, roundMoney, roundUp } from '../util/round.js';
import type { Candidate } from './candidate.js';
import type { CompiledRule } from './compiled-rules.js';
import type { FactTable } from './fact-table.js';
import type { ProposalKind } from './proposal.js';
import { kindRank } from './rank-candidates.js';

const NONE: readonly Candidate[] = [];

/**
 * Sizes a fired rule into a sell candidate for row `i` of `table`: how many shares, in numbers only (the words come
 * with `exitProposal`, for the candidates kept).
 *
 * Sizing (whole shares unless `fractional_shares`, then steps of 0.000001 share; unrounded with `rounding: none`):
 * - `take_profit` and custom `trim`: floor(quantity × sell_pct / 100): never sell more than the rule asks.
 * - `concentration`: ceil((market value − trim_to_pct% of equity) / price), capped at the quantity held, so the
 *   position ends at or below the trim-to weight.
 * - `cut_loss`, `stale`, custom `exit`: the whole position.
 * `notional` = quantity × price rounded to cents. `ruleIndex` is the rule's index among the rules evaluated.
 */
export function sizeExit(policy: Policy, rule: CompiledRule, ruleIndex: number, table: FactTable, i: number): Candidate {
  const unrounded = policy.rounding === 'none';
  const decimals = policy.fractional_shares ? 6 : 0;
  const { exits } = policy;
  const position = table.positions[i]!;
  const held = position.quantity;
  const price = table.price[i]!;
  const pnlPct = table.unrealizedPnlPct[i]!;
  let kind: ProposalKind;
  let quantity: number;
  let severity = 0;
  let rulePriority = 0;
  switch (rule.id) {
    case 'take_profit':
      kind = 'take_profit';
      quantity = unrounded ? (held * exits.take_profit.sell_pct) / 100 : roundDown((held * exits.take_profit.sell_pct) / 100, decimals);
      severity = pnlPct;
      break;
    case 'cut_loss':
      kind = 'cut_loss';
      quantity = held;
      severity = -pnlPct;
      break;
    case 'stale':
      kind = 'stale';
      quantity = held;
      severity = table.daysHeld[i]!;
      break;
    case 'concentration': {
      kind = 'concentration';
      const targetValue = (exits.concentration.trim_to_pct / 100) * table.equity;
      const excess = (table.marketValue[i]! - targetValue) / price;
      quantity = Math.min(held, unrounded ? excess : roundUp(excess, decimals));
      severity = table.weightPct[i]!;
      break;
    }
    default: {
      const custom = rule.custom;
      if (!custom) throw new FatalError('INTERNAL', `fired rule ${rule.id} is not in policy ${policy.id}`, 'please report this as a bug');
      kind = 'custom';
      rulePriority = custom.priority;
      const share = (held * custom.event.params.sell_pct) / 100;
      quantity = custom.event.type === 'exit' ? held : unrounded ? share : roundDown(share, decimals);
    }
  }
  const notional = unrounded ? quantity * price : roundMoney(quantity * price);
  return { row: i, symbol: position.symbol, rule: ruleIndex, ruleId: rule.id, kind, kindRank: kindRank(kind), quantity, notional, rulePriority, severity, alsoFired: NONE };
}
