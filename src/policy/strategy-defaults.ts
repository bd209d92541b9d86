import type { Policy, StrategyPolicy } from './policy.js';

/** Default daily returns in a factor's window. */
const FACTOR_LOOKBACK = 60;
/** Default age limit of a signal file, calendar days: a weekly research job plus a long weekend. */
const MAX_AGE_DAYS = 5;

/**
 * Gives a policy with `strategies` an `allocation` section to fill, before the schema applies its defaults (a
 * policy with strategies always has one). Mutates the parsed data, like the schema's defaults.
 */
export function prepareStrategyDefaults(data: unknown): void {
  if (typeof data !== 'object' || data === null) return;
  const doc = data as { strategies?: unknown; allocation?: unknown };
  if (Array.isArray(doc.strategies) && doc.strategies.length > 0 && doc.allocation === undefined) doc.allocation = {};
}

/**
 * Fills the strategy defaults that depend on the kind of signal, after the schema: `name` = id; a factor signal
 * gets `lookback: 60` and `skip: 0`, a file signal `max_age_days: 5`.
 */
export function withStrategyDefaults(policy: Policy): Policy {
  if (policy.strategies === undefined) return policy;
  const strategies = policy.strategies.map((s): StrategyPolicy => {
    const signal = s.signal as { factor?: unknown; lookback?: number; skip?: number; file?: unknown; max_age_days?: number };
    const filled = signal.file !== undefined && signal.factor === undefined
      ? { ...signal, max_age_days: signal.max_age_days ?? MAX_AGE_DAYS }
      : { ...signal, lookback: signal.lookback ?? FACTOR_LOOKBACK, skip: signal.skip ?? 0 };
    return { ...s, name: s.name ?? s.id, signal: filled as StrategyPolicy['signal'] };
  });
  return { ...policy, strategies };
}
