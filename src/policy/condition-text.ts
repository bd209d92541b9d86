import { OPERATOR_SYMBOLS } from './operator-symbols.js';
import type { Condition } from './policy.js';

/**
 * A custom rule's condition as a reader writes it: `days_held ≥ 14`, `all of (days_held ≥ 14, unrealized_pnl_pct ≤ -7)`,
 * `not (symbol in [KO, PG])`.
 */
export function conditionText(condition: Condition): string {
  if (condition.all) return `all of (${condition.all.map(conditionText).join(', ')})`;
  if (condition.any) return `any of (${condition.any.map(conditionText).join(', ')})`;
  if (condition.not) return `not (${conditionText(condition.not)})`;
  const value = Array.isArray(condition.value) ? `[${condition.value.join(', ')}]` : String(condition.value);
  return `${condition.fact} ${OPERATOR_SYMBOLS[condition.operator ?? ''] ?? condition.operator} ${value}`;
}
