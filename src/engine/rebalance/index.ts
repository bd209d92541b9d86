/** Target-weight rebalancing math (drift bands, budget, buy-only, constraints): pure, no I/O, no clock. The only way into `engine/rebalance` from the rest of `src`. */
export { rebalance, rebalanceResolved } from './rebalance.js';
export { measureDrift } from './measure-drift.js';
export type { DriftSnapshot, SymbolDrift } from './measure-drift.js';
export { driftBandPp, breachesDriftBand, BAND_EPSILON_PP } from './drift-band.js';
export { resolveRebalanceOptions } from './resolve-rebalance-options.js';
export type { ResolvedRebalanceOptions } from './resolve-rebalance-options.js';
export { REBALANCE_DEFAULTS } from './rebalance-options.js';
export type { DriftBands, ProfitTakeOverlay, RebalanceGoal, RebalanceMode, RebalanceOptions, RebalanceTargets, TiltMode } from './rebalance-options.js';
export type { DroppedTrade, RebalanceConstraint, RebalanceResult, RebalanceSummary, RebalanceTag, RebalanceTrade } from './rebalance-result.js';
