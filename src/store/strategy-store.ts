import type { StrategyState } from '../strategy/strategy-state.js';

/**
 * What each policy's strategies carry from run to run (held signals, sleeves, the allocation in force), by policy id,
 * so that a restart continues where the last recorded run stopped.
 */
export interface StrategyStore {
  /** The state the last recorded run of a policy left, or undefined before its first one. */
  strategyState(policyId: string): StrategyState | undefined;
  /** Ids of the policies with a strategy state, sorted. */
  strategyPolicyIds(): string[];
  /** Stores a policy's strategy state, replacing it (in memory at once, written as every change is: see `Store`). */
  putStrategyState(policyId: string, state: StrategyState): void;
}
