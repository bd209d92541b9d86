import type { RuleProperties, TopLevelCondition } from 'json-rules-engine';
import type { Policy } from '../policy/policy.js';

/** The built-in exit rules, in the order they win when a cap binds (protect capital first; see apply-limits). */
export const BUILT_IN_RULES = ['cut_loss', 'take_profit', 'concentration', 'stale'] as const;

/** A built-in rule id. */
export type BuiltInRuleId = (typeof BUILT_IN_RULES)[number];

/**
 * Compiles a policy's exit rules into json-rules-engine rules, one engine rule per enabled rule.
 *
 * Built-ins (note 002), all thresholds inclusive ("at or above"):
 * - `take_profit`: unrealized_pnl_pct ≥ gain_pct
 * - `cut_loss`: unrealized_pnl_pct ≤ −loss_pct
 * - `stale`: days_held ≥ days_held AND move_since_entry_pct < max_move_pct
 * - `concentration`: weight_pct ≥ max_weight_pct
 * Custom rules are added as written, named `custom:<id>`. Each rule's `event.type` is its rule id.
 */
export function compileRules(policy: Policy): RuleProperties[] {
  const { take_profit, cut_loss, stale, concentration } = policy.exits;
  const rules: RuleProperties[] = [];
  const add = (name: string, conditions: TopLevelCondition): void => {
    rules.push({ name, conditions, event: { type: name } });
  };
  if (take_profit.enabled) {
    add('take_profit', { all: [{ fact: 'unrealized_pnl_pct', operator: 'greaterThanInclusive', value: take_profit.gain_pct }] });
  }
  if (cut_loss.enabled) {
    add('cut_loss', { all: [{ fact: 'unrealized_pnl_pct', operator: 'lessThanInclusive', value: -cut_loss.loss_pct }] });
  }
  if (stale.enabled) {
    add('stale', {
      all: [
        { fact: 'days_held', operator: 'greaterThanInclusive', value: stale.days_held },
        { fact: 'move_since_entry_pct', operator: 'lessThan', value: stale.max_move_pct },
      ],
    });
  }
  if (concentration.enabled) {
    add('concentration', { all: [{ fact: 'weight_pct', operator: 'greaterThanInclusive', value: concentration.max_weight_pct }] });
  }
  for (const rule of policy.rules) add(`custom:${rule.id}`, rule.conditions as TopLevelCondition);
  return rules;
}
