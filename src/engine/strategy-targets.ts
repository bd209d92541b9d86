import type { Policy } from '../policy/policy.js';
import type { Combination } from '../strategy/combine-targets.js';
import type { RebalanceOptions } from './rebalance/index.js';
import { rebalanceOptions } from './plan-rebalance.js';

/** Target weights at or above this share of 100% − cash target are scaled down to fit (float sums of sleeve weights). */
const ROOM = 1 - 1e-12;

/**
 * The rebalance options that trade an account toward its strategies' net targets (note 000): targets in percent
 * from the combination, and 0 for every held symbol no strategy holds (the strategies own the account; keep a name
 * with `rebalance.no_sell`); the `rebalance:` section's bands, budget and constraints when there is one, otherwise
 * note 000's `calculate_trades` (no bands, no budget); trades under `allocation.min_trade_pct` of equity (or
 * `limits.min_trade_value`, the larger) are not proposed; symbols the exit rules sold in this run are not bought back
 * in it. Targets that would pass 100% minus the cash target are scaled down to fit.
 *
 * @param held symbols held before the run.
 * @param exited symbols the run's exit rules sell.
 * @param equity account equity at the run's prices, base currency.
 */
export function strategyRebalanceOptions(
  policy: Policy,
  combination: Combination,
  held: readonly string[],
  exited: readonly string[],
  equity: number,
  tradesLeft: number,
): RebalanceOptions {
  const section = policy.rebalance;
  const base: RebalanceOptions = section
    ? rebalanceOptions(policy, section, tradesLeft, new Map()) // its targets are replaced below
    : { targets: { weightsPct: {} }, bands: { absolutePp: 0, relativePct: 0 }, budgetPct: 100, maxTrades: Math.max(0, tradesLeft), minTradeValue: policy.limits.min_trade_value };
  const room = 100 - (base.cashTargetPct ?? 0);
  const sum = combination.targets.reduce((total, t) => total + t.weight * 100, 0);
  const scale = sum > room * ROOM ? (room * ROOM) / sum : 1;
  const weightsPct: Record<string, number> = {};
  for (const symbol of held) weightsPct[symbol] = 0;
  for (const target of combination.targets) weightsPct[target.symbol] = target.weight * 100 * scale;
  return {
    ...base,
    ...(section || !policy.fractional_shares ? {} : { fractionalStep: 0.000001 }),
    targets: { weightsPct },
    minTradeValue: Math.max(base.minTradeValue ?? 0, ((policy.allocation?.min_trade_pct ?? 0) / 100) * equity),
    noBuy: [...(base.noBuy ?? []), ...exited],
  };
}
