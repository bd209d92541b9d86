import type { AllocationPolicy, StrategyPolicy } from '../policy/policy.js';
import { stableHash } from '../util/stable-hash.js';
import { proposeAllocation } from './allocation/propose-allocation.js';
import { sessionsBetween } from './rebalance-period.js';
import type { AllocationDecision } from './strategy-step.js';
import type { StrategyState } from './strategy-state.js';

/** The allocation decision and the state it leaves (the `allocation` part of {@link StrategyState}). */
export interface AllocationOutcome {
  readonly decision: AllocationDecision;
  readonly state: StrategyState['allocation'];
  /** True when capital moves between sleeves this session. */
  readonly reallocate: boolean;
}

const SPEC_HASHES = new WeakMap<AllocationPolicy, string>();

/** Hash of what, when edited, re-allocates at once: the `allocation:` section and each strategy's `allocation_pct`. */
export function allocationSpecHash(section: AllocationPolicy, strategies: readonly StrategyPolicy[]): string {
  let hash = SPEC_HASHES.get(section);
  if (hash === undefined) {
    hash = stableHash(JSON.stringify([section, strategies.map((s) => [s.id, s.allocation_pct ?? null])]));
    SPEC_HASHES.set(section, hash);
  }
  return hash;
}

/**
 * Decides the allocation across strategies on session `today` (notes 001 and 003): it is re-computed on the first
 * run, when the set of strategies or the allocation section changed (and then adopted at once), and every
 * `section.every` sessions after the last re-computation; a re-computation is adopted only when some allocation
 * moves by more than `threshold_pp` percentage points, otherwise the allocation in force is kept.
 *
 * @param returns each strategy's sleeve returns, in `strategies` order (asked only when the allocation is re-computed).
 * @param sessions the dates of the price history, sorted.
 */
export function decideAllocation(
  section: AllocationPolicy,
  strategies: readonly StrategyPolicy[],
  returns: () => readonly Float64Array[],
  previous: StrategyState['allocation'] | undefined,
  setChanged: boolean,
  today: string,
  sessions: readonly string[],
): AllocationOutcome {
  const ids = strategies.map((s) => s.id);
  const specHash = allocationSpecHash(section, strategies);
  const sinceCheck = previous ? sessionsBetween(sessions, previous.checkedOn, today) : 0;
  const forced = previous === undefined || setChanged || previous.specHash !== specHash;
  if (!forced && sinceCheck < section.every) {
    return {
      decision: { method: section.method, action: 'not_due', weights: previous.weights, basis: previous.basis, sessionsToNext: section.every - sinceCheck },
      state: previous,
      reallocate: false,
    };
  }
  const proposal = proposeAllocation(section, { returns: returns(), fixedPct: strategies.map((s) => s.allocation_pct) });
  const proposed = Object.fromEntries(ids.map((id, i) => [id, proposal.weights[i]!]));
  const largestMovePp = previous
    ? Math.max(0, ...ids.map((id) => Math.abs((proposed[id] ?? 0) - (previous.weights[id] ?? 0)) * 100))
    : undefined;
  const adopt = forced || (largestMovePp ?? Infinity) > section.threshold_pp;
  const weights = adopt ? proposed : previous!.weights;
  const basis = adopt ? proposal.basis : previous!.basis;
  return {
    decision: {
      method: section.method,
      action: previous === undefined ? 'initial' : adopt ? 'changed' : 'kept',
      weights,
      proposed,
      ...(largestMovePp !== undefined ? { largestMovePp } : {}),
      basis,
      sessionsToNext: section.every,
    },
    state: { checkedOn: today, changedOn: adopt ? today : previous!.changedOn, weights, basis, specHash },
    reallocate: adopt,
  };
}
