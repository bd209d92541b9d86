import { IANAZone } from 'luxon';
import { didYouMean } from '../util/did-you-mean.js';
import type { ScheduleErrorCode } from '../errors.js';
import type { SchemaProblem } from './schema-problems.js';
import type { Policy } from './policy.js';
import { scheduleProblems } from './schedule-problems.js';
import { strategyProblems } from './strategy-problems.js';

/**
 * A problem that involves more than one field: `related` names the others, so both can be shown. Schedule problems
 * keep the schedule parser's code (`SCHEDULE_…`).
 */
export interface CrossFieldProblem extends Omit<SchemaProblem, 'code'> {
  readonly code: SchemaProblem['code'] | ScheduleErrorCode;
  readonly related?: readonly (readonly (string | number)[])[];
}

/**
 * The checks a JSON Schema cannot express, run after the schema passed and defaults are filled in.
 * Each names every field involved, in backticks, and says how to resolve it.
 */
export function crossFieldProblems(policy: Policy): CrossFieldProblem[] {
  const problems: CrossFieldProblem[] = [];
  const { cut_loss, concentration } = policy.exits;
  if (cut_loss.enabled && cut_loss.loss_pct >= cut_loss.hard_stop_pct) {
    problems.push({
      code: 'CONFLICT',
      path: ['exits', 'cut_loss', 'loss_pct'],
      target: 'value',
      related: [['exits', 'cut_loss', 'hard_stop_pct']],
      message:
        `\`cut_loss.loss_pct\` (${cut_loss.loss_pct}) must be smaller than \`cut_loss.hard_stop_pct\` (${cut_loss.hard_stop_pct}): ` +
        `the cut-loss has to fire before the hard stop; lower \`loss_pct\` or raise \`hard_stop_pct\``,
    });
  }
  if (concentration.enabled && concentration.trim_to_pct >= concentration.max_weight_pct) {
    problems.push({
      code: 'CONFLICT',
      path: ['exits', 'concentration', 'trim_to_pct'],
      target: 'value',
      related: [['exits', 'concentration', 'max_weight_pct']],
      message:
        `\`concentration.trim_to_pct\` (${concentration.trim_to_pct}) must be below \`concentration.max_weight_pct\` ` +
        `(${concentration.max_weight_pct}): a trim has to bring the weight under the maximum`,
    });
  }
  if (!IANAZone.isValidZone(policy.time_zone)) {
    const guess = didYouMean(policy.time_zone, Intl.supportedValuesOf('timeZone'));
    problems.push({
      code: 'BAD_TIME_ZONE',
      path: ['time_zone'],
      target: 'value',
      message: `unknown time zone "${policy.time_zone}"; ${guess ? `did you mean \`${guess}\`?` : 'write an IANA name such as `America/New_York`'}`,
    });
  }
  problems.push(...rebalanceProblems(policy));
  const firstIndex = new Map<string, number>();
  policy.rules.forEach((rule, index) => {
    const first = firstIndex.get(rule.id);
    if (first === undefined) {
      firstIndex.set(rule.id, index);
      return;
    }
    problems.push({
      code: 'DUPLICATE_RULE_ID',
      path: ['rules', index, 'id'],
      target: 'value',
      related: [['rules', first, 'id']],
      message: `rule id \`${rule.id}\` is already used by \`rules[${first}]\`; give each rule its own id`,
    });
  });
  problems.push(...scheduleProblems(policy));
  problems.push(...strategyProblems(policy));
  return problems;
}

function rebalanceProblems(policy: Policy): CrossFieldProblem[] {
  const section = policy.rebalance;
  if (!section) return [];
  const problems: CrossFieldProblem[] = [];
  const at = (...path: string[]): string[] => ['rebalance', ...path];
  if ((section.targets === undefined) === (section.equal === undefined) && (policy.strategies ?? []).length === 0) {
    problems.push({
      code: 'CONFLICT',
      path: section.targets ? at('equal') : at(),
      target: 'key',
      ...(section.targets ? { related: [at('targets')] } : {}),
      message: section.targets
        ? 'give either `rebalance.targets` or `rebalance.equal`, not both'
        : 'missing `rebalance.targets` (e.g. `targets: { KO: 10, PG: 10 }`) or `rebalance.equal` (e.g. `equal: [KO, PG]`)',
    });
  }
  if (section.budget_pct !== undefined && section.budget_amount !== undefined) {
    problems.push({
      code: 'CONFLICT',
      path: at('budget_amount'),
      target: 'key',
      related: [at('budget_pct')],
      message: 'give either `rebalance.budget_pct` or `rebalance.budget_amount`, not both',
    });
  }
  const sum = Object.values(section.targets ?? {}).reduce((a, b) => a + b, 0) + section.cash_target_pct;
  if (section.targets && sum > 100 + 1e-9) {
    problems.push({
      code: 'CONFLICT',
      path: at('targets'),
      target: 'key',
      related: [at('cash_target_pct')],
      message: `\`rebalance.targets\` plus \`rebalance.cash_target_pct\` sum to ${Math.round(sum * 1e6) / 1e6}%; lower them to at most 100%`,
    });
  }
  return problems;
}
