import { getCalendar } from '../market/calendars/get-calendar.js';
import { ScheduleError } from '../errors.js';
import { parseRebalancePeriod } from '../strategy/rebalance-period.js';
import type { CrossFieldProblem } from './cross-field-checks.js';
import type { Policy, StrategyPolicy } from './policy.js';

type Path = (string | number)[];

function signalProblems(strategy: StrategyPolicy, at: Path): CrossFieldProblem[] {
  const signal = strategy.signal as { factor?: string; file?: string; lookback?: number; skip?: number; max_age_days?: number };
  const path = [...at, 'signal'];
  if ((signal.factor === undefined) === (signal.file === undefined)) {
    return [{
      code: 'CONFLICT',
      path: signal.factor !== undefined ? [...path, 'file'] : path,
      target: 'key',
      message: signal.factor !== undefined
        ? 'give either `signal.factor` or `signal.file`, not both'
        : 'missing `signal.factor` (volatility, momentum, kurtosis or durbin_watson) or `signal.file` (a research CSV)',
    }];
  }
  const problems: CrossFieldProblem[] = [];
  if (signal.file !== undefined) {
    for (const key of ['lookback', 'skip'] as const) {
      if ((strategy.signal as unknown as Record<string, unknown>)[key] !== undefined) {
        problems.push({ code: 'CONFLICT', path: [...path, key], target: 'key', related: [[...path, 'file']], message: `\`signal.${key}\` applies to a factor; a file signal is used as the file gives it` });
      }
    }
  } else {
    if (signal.max_age_days !== undefined) {
      problems.push({ code: 'CONFLICT', path: [...path, 'max_age_days'], target: 'key', related: [[...path, 'factor']], message: '`signal.max_age_days` applies to a `file` signal; a factor is computed from the prices of the decision session' });
    }
    if (signal.skip !== undefined && signal.skip > 0 && signal.factor !== 'momentum') {
      problems.push({ code: 'CONFLICT', path: [...path, 'skip'], target: 'key', related: [[...path, 'factor']], message: `\`signal.skip\` only applies to \`factor: momentum\`, not \`${signal.factor}\`; remove it` });
    }
  }
  return problems;
}

function selectProblems(strategy: StrategyPolicy, at: Path): CrossFieldProblem[] {
  const { top, quantile } = strategy.select;
  if ((top === undefined) === (quantile === undefined)) {
    return [{
      code: 'CONFLICT',
      path: [...at, 'select'],
      target: 'key',
      message: top !== undefined ? 'give either `select.top` or `select.quantile`, not both' : 'say how many names to hold: `select: { top: 10 }` or `select: { quantile: 5 }`',
    }];
  }
  return [];
}

function periodProblems(policy: Policy, strategy: StrategyPolicy, at: Path): CrossFieldProblem[] {
  try {
    parseRebalancePeriod(strategy.rebalance, strategy.id, policy.calendar ? getCalendar(policy.calendar) : undefined);
    return [];
  } catch (error) {
    if (!(error instanceof ScheduleError)) throw error;
    return [{ code: error.code, path: [...at, 'rebalance'], target: 'value', message: error.message }];
  }
}

function allocationProblems(policy: Policy, strategies: readonly StrategyPolicy[]): CrossFieldProblem[] {
  const section = policy.allocation;
  if (section === undefined) return [];
  const problems: CrossFieldProblem[] = [];
  const fixed = section.method === 'fixed';
  const withPct = strategies.map((s, i) => ({ s, i })).filter(({ s }) => s.allocation_pct !== undefined);
  if (!fixed) {
    for (const { i } of withPct) {
      problems.push({ code: 'CONFLICT', path: ['strategies', i, 'allocation_pct'], target: 'key', related: [['allocation', 'method']], message: `\`allocation_pct\` only applies with \`allocation.method: fixed\` (the method is \`${section.method}\`); remove it or set the method to fixed` });
    }
    return problems;
  }
  strategies.forEach((s, i) => {
    if (s.allocation_pct === undefined) {
      problems.push({ code: 'MISSING_KEY', path: ['strategies', i, 'allocation_pct'], target: 'key', related: [['allocation', 'method']], message: `\`allocation.method: fixed\` needs \`allocation_pct\` on every strategy; add it to \`${s.id}\`, e.g. \`allocation_pct: 30\`` });
    } else if (s.allocation_pct > section.max_pct) {
      problems.push({ code: 'CONFLICT', path: ['strategies', i, 'allocation_pct'], target: 'value', related: [['allocation', 'max_pct']], message: `\`strategies[${i}].allocation_pct\` (${s.allocation_pct}) is above \`allocation.max_pct\` (${section.max_pct}); lower it or raise the cap` });
    }
  });
  const sum = withPct.reduce((total, { s }) => total + s.allocation_pct!, 0);
  if (sum > 100 + 1e-9) {
    const [first, ...rest] = withPct;
    problems.push({
      code: 'ALLOCATION_OVER_100',
      path: ['strategies', first!.i, 'allocation_pct'],
      target: 'value',
      related: rest.map(({ i }) => ['strategies', i, 'allocation_pct']),
      message: `allocations sum to ${Math.round(sum * 1e6) / 1e6}%: ${withPct.map(({ s, i }) => `\`strategies[${i}].allocation_pct\` ${s.allocation_pct}`).join(' + ')}; lower them to at most 100% (the rest is cash)`,
    });
  }
  return problems;
}

/**
 * The cross-field checks of `strategies` and `allocation`: unique ids; a signal with exactly one of `factor` and
 * `file` and only its own keys; exactly one of `select.top` and `select.quantile`; a readable `rebalance` period;
 * `allocation_pct` on every strategy with `method: fixed` (and nowhere else), each within `max_pct`, summing to at
 * most 100 (the problem names every field); `allocation` only with strategies; and no `rebalance.targets` or
 * `rebalance.equal` next to strategies, which set the targets.
 */
export function strategyProblems(policy: Policy): CrossFieldProblem[] {
  const strategies = policy.strategies ?? [];
  if (strategies.length === 0) {
    return policy.allocation === undefined ? [] : [{ code: 'CONFLICT', path: ['allocation'], target: 'key', message: '`allocation` splits capital across `strategies`, and this policy has none; add strategies or remove `allocation`' }];
  }
  const problems: CrossFieldProblem[] = [];
  const firstIndex = new Map<string, number>();
  strategies.forEach((strategy, i) => {
    const at: Path = ['strategies', i];
    const first = firstIndex.get(strategy.id);
    if (first !== undefined) {
      problems.push({ code: 'DUPLICATE_STRATEGY_ID', path: [...at, 'id'], target: 'value', related: [['strategies', first, 'id']], message: `strategy id \`${strategy.id}\` is already used by \`strategies[${first}]\`; give each strategy its own id` });
    } else {
      firstIndex.set(strategy.id, i);
    }
    problems.push(...signalProblems(strategy, at), ...selectProblems(strategy, at), ...periodProblems(policy, strategy, at));
  });
  problems.push(...allocationProblems(policy, strategies));
  for (const key of ['targets', 'equal'] as const) {
    if (policy.rebalance?.[key] !== undefined) {
      problems.push({ code: 'CONFLICT', path: ['rebalance', key], target: 'key', related: [['strategies']], message: `\`rebalance.${key}\` and \`strategies\` both set target weights; remove \`rebalance.${key}\` (the section then gives the strategies' bands, budget and constraints)` });
    }
  }
  return problems;
}
