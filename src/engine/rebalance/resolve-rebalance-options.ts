import { RebalanceError } from '../../errors.js';
import { REBALANCE_DEFAULTS } from './rebalance-options.js';
import type { ProfitTakeOverlay, RebalanceGoal, RebalanceMode, RebalanceOptions, TiltMode } from './rebalance-options.js';

/**
 * {@link RebalanceOptions} after validation with every default filled in. Weights in percent; `budget` is either a
 * percent of equity or an amount; `step` is the share step (1 = whole shares); `maxTrades` may be `Infinity`.
 */
export interface ResolvedRebalanceOptions {
  readonly targetsPct: ReadonlyMap<string, number>;
  readonly cashTargetPct: number;
  readonly absoluteBandPp: number;
  readonly relativeBandPct: number;
  readonly to: RebalanceGoal;
  readonly scope: 'breached' | 'all';
  readonly budget: { readonly kind: 'pct'; readonly value: number } | { readonly kind: 'amount'; readonly value: number };
  readonly mode: RebalanceMode;
  readonly step: number;
  /** Unrounded: quantities are value / price exactly (`step` is then 1 and only names the unit). */
  readonly unrounded: boolean;
  readonly maxTrades: number;
  readonly minTradeValue: number;
  readonly maxPositionWeightPct: number;
  readonly noBuy: ReadonlySet<string>;
  readonly noSell: ReadonlySet<string>;
  readonly profitTake: ProfitTakeOverlay | undefined;
  readonly tilt: TiltMode;
}

/** Tolerance for "targets sum to at most 100", in percentage points (float sums of decimal weights). */
const SUM_TOLERANCE_PP = 1e-9;

function invalid(path: string, value: unknown, expected: string): RebalanceError {
  return new RebalanceError(
    'INVALID_OPTION',
    `\`${path}\` is ${JSON.stringify(value)}; it must be ${expected}.`,
    "Fix it in the policy's `rebalance:` section.",
    { path, value },
  );
}

function number(path: string, value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw invalid(path, value, `a number from ${min} to ${max}`);
  }
  return value;
}

function oneOf<T extends string>(path: string, value: T | undefined, fallback: T, allowed: readonly T[]): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value)) throw invalid(path, value, `one of ${allowed.join(', ')}`);
  return value;
}

function resolveTargets(options: RebalanceOptions, cashTargetPct: number): Map<string, number> {
  const targets = new Map<string, number>();
  const spec = options.targets as unknown;
  if (spec !== null && typeof spec === 'object' && 'equal' in spec && Array.isArray(spec.equal)) {
    const symbols = spec.equal as unknown[];
    if (symbols.length === 0) {
      throw new RebalanceError('INVALID_TARGETS', '`targets.equal` is empty', 'list at least one symbol', { path: 'targets.equal' });
    }
    const each = (100 - cashTargetPct) / symbols.length;
    for (const symbol of symbols) {
      if (typeof symbol !== 'string' || symbol === '' || targets.has(symbol)) {
        throw new RebalanceError('INVALID_TARGETS', `\`targets.equal\` lists ${JSON.stringify(symbol)} twice or as a non-symbol`, 'list each symbol once', { path: 'targets.equal', symbol });
      }
      targets.set(symbol, each);
    }
    return targets;
  }
  if (spec === null || typeof spec !== 'object' || !('weightsPct' in spec) || spec.weightsPct === null || typeof spec.weightsPct !== 'object') {
    throw new RebalanceError('INVALID_TARGETS', '`targets` has the wrong shape.', 'Write `{ weightsPct: { SYMBOL: percent } }` or `{ equal: [symbols] }`.', { path: 'targets' });
  }
  let sum = cashTargetPct;
  for (const [symbol, weight] of Object.entries(spec.weightsPct as Record<string, unknown>)) {
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0 || weight > 100) {
      throw new RebalanceError('INVALID_TARGETS', `Target weight of ${symbol} is ${JSON.stringify(weight)}`, 'use a percent from 0 to 100', { path: `targets.${symbol}`, value: weight });
    }
    targets.set(symbol, weight);
    sum += weight;
  }
  if (targets.size === 0) throw new RebalanceError('INVALID_TARGETS', '`targets` names no symbol', 'give at least one target weight', { path: 'targets' });
  if (sum > 100 + SUM_TOLERANCE_PP) {
    throw new RebalanceError('TARGETS_OVER_100', `Target weights plus the cash target sum to ${sum}%`, 'lower them to at most 100%', { path: 'targets', sumPct: sum });
  }
  return targets;
}

function resolveStep(step: number | undefined): number {
  if (step === undefined) return 1;
  const inverse = 1 / step;
  if (typeof step !== 'number' || !(step > 0) || step > 1 || Math.abs(inverse - Math.round(inverse)) > 1e-9 * inverse) {
    throw invalid('fractionalStep', step, 'in (0, 1] with 1 / step a whole number (0.1, 0.01, 0.001, 0.25 …)');
  }
  return step;
}

/**
 * Validates rebalance options and fills in {@link REBALANCE_DEFAULTS}.
 *
 * @throws RebalanceError `INVALID_TARGETS` (empty, negative or duplicated targets), `TARGETS_OVER_100` (targets +
 *   cash target > 100%), `INVALID_OPTION` (any other out-of-range or unknown value, or both budget fields set).
 */
export function resolveRebalanceOptions(options: RebalanceOptions): ResolvedRebalanceOptions {
  const d = REBALANCE_DEFAULTS;
  const cashTargetPct = number('cashTargetPct', options.cashTargetPct, d.cashTargetPct, 0, 100);
  if (options.budgetPct !== undefined && options.budgetAmount !== undefined) {
    throw invalid('budgetAmount', options.budgetAmount, 'unset when `budgetPct` is set (choose one budget)');
  }
  const budget =
    options.budgetAmount !== undefined
      ? { kind: 'amount' as const, value: number('budgetAmount', options.budgetAmount, 0, 0, Number.MAX_VALUE) }
      : { kind: 'pct' as const, value: number('budgetPct', options.budgetPct, d.budgetPct, 0, 100) };
  const maxTrades = options.maxTrades === undefined ? Infinity : number('maxTrades', options.maxTrades, 0, 0, Number.MAX_SAFE_INTEGER);
  if (!Number.isInteger(maxTrades) && maxTrades !== Infinity) throw invalid('maxTrades', maxTrades, 'a whole number');
  let profitTake: ProfitTakeOverlay | undefined;
  if (options.profitTake !== undefined) {
    profitTake = {
      gainPct: number('profitTake.gainPct', options.profitTake.gainPct, 0, -100, Number.MAX_VALUE),
      boostPct: number('profitTake.boostPct', options.profitTake.boostPct, 0, 0, 1000),
    };
  }
  return {
    targetsPct: resolveTargets(options, cashTargetPct),
    cashTargetPct,
    absoluteBandPp: number('bands.absolutePp', options.bands?.absolutePp, d.absoluteBandPp, 0, 100),
    relativeBandPct: number('bands.relativePct', options.bands?.relativePct, d.relativeBandPct, 0, 100),
    to: oneOf('to', options.to, d.to, ['target', 'band_edge']),
    scope: oneOf('scope', options.scope, 'breached', ['breached', 'all']),
    budget,
    mode: oneOf('mode', options.mode, d.mode, ['buy_and_sell', 'buy_only']),
    step: options.unrounded ? 1 : resolveStep(options.fractionalStep),
    unrounded: options.unrounded === true,
    maxTrades,
    minTradeValue: number('minTradeValue', options.minTradeValue, 0, 0, Number.MAX_VALUE),
    maxPositionWeightPct: number('maxPositionWeightPct', options.maxPositionWeightPct, 100, 0, 100),
    noBuy: new Set(options.noBuy ?? []),
    noSell: new Set(options.noSell ?? []),
    profitTake,
    tilt: oneOf('tilt', options.tilt, d.tilt, ['neutral', 'mean_reversion', 'momentum']),
  };
}
