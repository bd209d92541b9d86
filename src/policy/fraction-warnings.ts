import type { Condition, Policy } from './policy.js';
import { valueAt } from './value-at.js';
import type { UnplacedProblem } from './yaml-source.js';

type Path = readonly (string | number)[];

/**
 * Percentage fields where a value between 0 and 1 is almost surely a fraction meant as a percentage (`gain_pct: 0.2`
 * meant 20% and would fire at +0.2%). Left out on purpose, because a value under 1% is a real choice there:
 * `execution.price_tolerance_pct`, `rebalance.cash_target_pct`, `rebalance.bands.absolute_pp` (0.5 pp is common),
 * `allocation.min_weight_pct`, `allocation.min_trade_pct` (default 0.1), `allocation.threshold_pp`.
 */
const PERCENT_FIELDS: readonly Path[] = [
  ['exits', 'take_profit', 'gain_pct'],
  ['exits', 'take_profit', 'sell_pct'],
  ['exits', 'cut_loss', 'loss_pct'],
  ['exits', 'cut_loss', 'hard_stop_pct'],
  ['exits', 'stale', 'max_move_pct'],
  ['exits', 'concentration', 'max_weight_pct'],
  ['exits', 'concentration', 'trim_to_pct'],
  ['rebalance', 'budget_pct'],
  ['rebalance', 'max_position_weight_pct'],
  ['rebalance', 'bands', 'relative_pct'],
  ['rebalance', 'profit_take', 'gain_pct'],
  ['rebalance', 'profit_take', 'boost_pct'],
  ['allocation', 'max_pct'],
];

/** Facts in percent that a custom rule compares with a number (`unrealized_pnl_pct lessThan -0.07` meant −7%). */
const PERCENT_FACTS = new Set(['weight_pct', 'unrealized_pnl_pct', 'move_since_entry_pct']);

/**
 * Warnings (`LOOKS_LIKE_FRACTION`) for percentages written as fractions: a value strictly between −1 and 1, other
 * than 0, in a field of {@link PERCENT_FIELDS}, a strategy's `allocation_pct`, a custom rule's `sell_pct`, or a
 * custom rule's comparison of a percent fact; and `rebalance.targets` (with `cash_target_pct`) summing to at most 1%.
 * Each says what the value means and suggests the value × 100. The policy is valid either way: a warning never stops
 * it from loading.
 */
export function fractionWarnings(policy: Policy): UnplacedProblem[] {
  const warnings: UnplacedProblem[] = [];
  const check = (path: Path, value: unknown, what = `\`${String(path.filter((p) => typeof p === 'string').at(-1))}: ${String(value)}\``): void => {
    if (typeof value !== 'number' || value === 0 || Math.abs(value) >= 1) return;
    warnings.push(warning(path, `${what} means ${value}%, not ${percent(value)}%`, `\`${percent(value)}\``));
  };
  for (const path of PERCENT_FIELDS) check(path, valueAt(policy, path));
  (policy.strategies ?? []).forEach((strategy, i) => check(['strategies', i, 'allocation_pct'], strategy.allocation_pct));
  policy.rules.forEach((rule, i) => {
    check(['rules', i, 'event', 'params', 'sell_pct'], rule.event.params?.sell_pct);
    conditionValues(rule.conditions, ['rules', i, 'conditions'], check);
  });
  const targets = policy.rebalance?.targets;
  if (targets !== undefined) {
    const weights = Object.values(targets);
    const sum = weights.reduce((a, b) => a + b, 0) + (policy.rebalance?.cash_target_pct ?? 0);
    if (sum > 0 && sum <= 1) {
      const meant = Object.entries(targets).map(([symbol, weight]) => `\`${symbol}: ${percent(weight)}\``).join(', ');
      warnings.push({ ...warning(['rebalance', 'targets'], `\`rebalance.targets\` sum to ${sum}%`, meant), target: 'key' });
    }
  }
  return warnings;
}

function warning(path: Path, meaning: string, meant: string): UnplacedProblem {
  return {
    code: 'LOOKS_LIKE_FRACTION',
    severity: 'warning',
    path,
    target: 'value',
    message: `looks like a fraction: ${meaning} (percentages are plain numbers here, \`20\` means 20%); did you mean ${meant}?`,
  };
}

function conditionValues(node: Condition, path: (string | number)[], check: (path: Path, value: unknown, what: string) => void): void {
  node.all?.forEach((child, i) => conditionValues(child, [...path, 'all', i], check));
  node.any?.forEach((child, i) => conditionValues(child, [...path, 'any', i], check));
  if (node.not) conditionValues(node.not, [...path, 'not'], check);
  if (node.fact !== undefined && PERCENT_FACTS.has(node.fact)) check([...path, 'value'], node.value, `comparing \`${node.fact}\` with ${String(node.value)}`);
}

/** `value` × 100 without binary noise: 0.07 → 7, not 7.000000000000001. */
function percent(value: number): number {
  return Number((value * 100).toPrecision(12));
}
