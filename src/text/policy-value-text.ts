import { stringify } from 'yaml';
import { conditionText } from '../policy/condition-text.js';
import type { Condition, CustomRule } from '../policy/policy.js';
import type { PathSegment } from '../policy-diff/policy-change.js';

const MONEY_KEYS = new Set(['min_trade_value', 'budget_amount', 'commission_min']);

/**
 * A policy value in the policy's own terms and units, read from where it sits: `_pct` (and target weights) as `30%`,
 * `_pp` as `5 pp`, `_bps` as `10 bps`, money as `500 USD`, `days_held` as `21 days`, hours as `24 h`; a condition test
 * as `days_held ≥ 14`; a custom rule as `exit when all of (…)`; anything else structured as one line of YAML flow (`{ id: daily_guards, when: daily at 16:30 }`).
 */
export function policyValueText(segments: readonly PathSegment[], value: unknown, currency: string): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'object' && value !== null && typeof (value as Condition).fact === 'string') return conditionText(value as Condition);
  if (isCustomRule(value)) return ruleText(value);
  if (typeof value === 'object' && value !== null) return stringify(value, { collectionStyle: 'flow', lineWidth: 0, flowCollectionPadding: false }).trim();
  if (typeof value !== 'number') return String(value);
  const names = segments.filter((s): s is string => typeof s === 'string');
  const key = names.at(-1) ?? '';
  if (key.endsWith('_pct') || names.at(-2) === 'targets') return `${value}%`;
  if (key.endsWith('_pp')) return `${value} pp`;
  if (key.endsWith('_bps')) return `${value} bps`;
  if (MONEY_KEYS.has(key)) return `${value} ${currency}`;
  if (key === 'days_held') return `${value} days`;
  if (key.endsWith('_hours')) return `${value} h`;
  return String(value);
}

function isCustomRule(value: unknown): value is CustomRule {
  return typeof value === 'object' && value !== null && 'conditions' in value && 'event' in value;
}

function ruleText(rule: CustomRule): string {
  const action = rule.event.type === 'trim' ? `trim ${rule.event.params.sell_pct}%` : 'exit';
  return `${action} when ${conditionText(rule.conditions)}${rule.priority !== 1 ? `, priority ${rule.priority}` : ''}${rule.description ? ` ("${rule.description}")` : ''}`;
}
