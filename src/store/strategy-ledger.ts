import type { StoreContext } from './store-context.js';
import type { StrategyStore } from './strategy-store.js';

/** The {@link StrategyStore} over the store's data: strategy states by policy id. */
export function strategyLedger(context: StoreContext): StrategyStore {
  const { data } = context;
  return {
    strategyState: (policyId) => data.strategies[policyId],
    strategyPolicyIds: () => Object.keys(data.strategies).sort(),
    putStrategyState: (policyId, state) => context.change((d) => (d.strategies[policyId] = state)),
  };
}
