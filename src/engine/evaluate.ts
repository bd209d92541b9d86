import { FatalError } from '../errors.js';
import { localDate } from '../time/zone-offset.js';
import type { MarketSnapshot } from '../market/market-snapshot.js';
import type { Holdings } from '../portfolio/holdings.js';
import type { Policy } from '../policy/policy.js';
import type { RecordedExit } from './apply-limits.js';
import type { DroppedProposal } from './candidate.js';
import { compiledRules } from './compiled-rules.js';
import { decideExits } from './decide-exits.js';
import { FactTable } from './fact-table.js';
import { holdingsAfterSells } from './holdings-after-sells.js';
import { planRebalance, rebalanceOptions, type RebalancePlan } from './plan-rebalance.js';
import { resolveRebalanceOptions, type RebalanceOptions } from './rebalance/index.js';
import { stepStrategies } from '../strategy/step-strategies.js';
import type { StrategyStep } from '../strategy/strategy-step.js';
import type { StrategyState } from '../strategy/strategy-state.js';
import { strategyRebalanceOptions } from './strategy-targets.js';
import { runMetrics, type RunMetrics } from './run-metrics.js';
import type { PositionFacts } from './position-facts.js';
import type { EarlierRejection, Proposal } from './proposal.js';

/** What earlier runs left behind that this evaluation must respect. */
export interface EvaluationHistory {
  /** Exits and trims recorded by earlier runs of the same policy; the weekly exit cap counts them. */
  readonly recentExits: readonly RecordedExit[];
  /** What the policy's strategies stored after its last recorded run (held signals, sleeves, allocation). */
  readonly strategies?: StrategyState;
  /**
   * Trades of this policy rejected before and not decided otherwise since (at most one per symbol and side): a
   * proposal to trade the same symbol the same way carries its rejection (`rejectedEarlier`). Default none.
   */
  readonly rejections?: readonly EarlierRejection[];
}

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /**
   * Evaluate only these rules, by rule id as proposals name them (`take_profit`, `cut_loss`, `stale`,
   * `concentration`, `custom:<id>`, and `rebalance` for the `rebalance:` section and the strategies); e.g. a
   * schedule's daily guards.
   * Default: every enabled rule and the rebalance. A disabled or
   * unknown id simply does not run. See `rulesForRuns` for turning a schedule's `runs` into this list.
   */
  readonly only?: readonly string[];
  /**
   * Write the exit candidates the limits dropped into `dropped`, each with its proposal and reason (json-rules-engine
   * confirming its rule): what a run records and shows. Default true. A replay, which records no drops, passes false:
   * `dropped` is then empty and a dropped candidate costs numbers only. The proposals are the same either way.
   */
  readonly explainDropped?: boolean;
}

/**
 * The result of one evaluation: the proposals that survived the limits (in priority order), those the limits
 * dropped, and the facts every decision was made on (kept with the run record).
 */
export interface Evaluation {
  readonly policyId: string;
  /** The market snapshot's date, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** The clock instant of the evaluation, ISO 8601 UTC. */
  readonly evaluatedAt: string;
  /** cash + Σ market values, base currency. */
  readonly equity: number;
  readonly cash: number;
  /** Every position's facts, in holdings order (built when first read). */
  readonly positions: readonly PositionFacts[];
  /** Exits and trims first (in priority order), then rebalance trades (sells, then buys in funding order). */
  readonly proposals: readonly Proposal[];
  /** Exit candidates the limits dropped (empty with `explainDropped: false`). */
  readonly dropped: readonly DroppedProposal[];
  /** The rebalance half, when the policy has an enabled `rebalance:` section or strategies. */
  readonly rebalance?: RebalancePlan;
  /**
   * The strategies' half, when the policy has `strategies`: which rebalanced and which held, the allocation, the
   * net targets, the netting, the sleeves, and the state to store for the next run.
   */
  readonly strategies?: StrategyStep;
  readonly metrics: RunMetrics;
}

/**
 * Evaluates a policy against an account's holdings and the market: the pure core of Ballast.
 *
 * Steps: facts per position in columns ({@link FactTable}; days held counted to `now`'s date in the policy's time
 * zone) → the exits ({@link decideExits}): every enabled rule, compiled once per policy ({@link compiledRules}), fires
 * where its compiled predicate holds; fires are sized into sell candidates, one per position, and the limits keep
 * some, in numbers; json-rules-engine confirms and explains every fire of a candidate kept (or dropped and explained),
 * and only those get a proposal with its reason →
 * with a `rebalance:` section, the target-weight rebalance of note 004 on the holdings left after those exits
 * ({@link planRebalance}), so exits come first and buys fit the cash the sells free; with `strategies`, their run
 * ({@link stepStrategies}: signals, allocation, sleeves) and the same rebalance toward their net targets
 * ({@link strategyRebalanceOptions}), buys of symbols not held being entries.
 * `options.only` restricts the rules evaluated (limits still apply as usual).
 * Same inputs, same output: nothing here reads the clock, the disk or the network.
 * Throws {@link MissingPriceError} when a held symbol has no price, `RebalanceError` when a target has none,
 * `InputError` for a stale or missing signal file.
 */
export async function evaluate(
  policy: Policy,
  holdings: Holdings,
  market: MarketSnapshot,
  now: Date,
  history: EvaluationHistory = { recentExits: [] },
  options: EvaluateOptions = {},
): Promise<Evaluation> {
  const today = localDate(now.getTime(), policy.time_zone);
  const table = new FactTable(holdings, market, today);
  const only = options.only;
  const rules = compiledRules(policy).filter((rule) => only === undefined || only.includes(rule.id));
  const explainDropped = options.explainDropped ?? true;
  const { proposals: exits, dropped } = await decideExits(policy, { rules, table, recentExits: history.recentExits, now, explainDropped });
  const rebalancing = (policy.rebalance?.enabled ?? true) && (only === undefined || only.includes('rebalance'));
  const tradesLeft = policy.limits.max_trades_per_run - exits.length;
  const equity = table.equity;
  const strategies = rebalancing && (policy.strategies ?? []).length > 0 ? runStrategies(policy, market, equity, history.strategies) : undefined;
  let rebalanceWith: RebalanceOptions | undefined;
  if (strategies !== undefined) {
    const held = holdings.positions.map((p) => p.symbol);
    rebalanceWith = strategyRebalanceOptions(policy, strategies.combination, held, exits.map((e) => e.symbol), equity, tradesLeft);
  } else if (rebalancing && policy.rebalance !== undefined) {
    rebalanceWith = rebalanceOptions(policy, policy.rebalance, tradesLeft, market.prices);
  }
  const hasTargets = rebalanceWith !== undefined && !('weightsPct' in rebalanceWith.targets && Object.keys(rebalanceWith.targets.weightsPct).length === 0);
  const resolved = rebalanceWith && hasTargets ? resolveRebalanceOptions(rebalanceWith) : undefined;
  const after = resolved ? holdingsAfterSells(holdings, exits) : holdings;
  const plan = resolved ? planRebalance(policy, after, market.prices, { resolved, listDropped: explainDropped, combination: strategies?.combination }) : undefined;
  const proposals = withRejections([...exits, ...(plan?.proposals ?? [])], history.rejections ?? []);
  // Drift is measured before the exits: the plan's own measure when they changed nothing.
  const driftBefore = resolved && plan ? (after === holdings ? plan.summary.maxAbsDriftBeforePp : maxAbsDrift(table, resolved.targetsPct)) : null;
  let positions: readonly PositionFacts[] | undefined;
  return {
    policyId: policy.id,
    asOf: market.date,
    evaluatedAt: now.toISOString(),
    equity,
    cash: holdings.cash,
    get positions() {
      return (positions ??= table.rows());
    },
    proposals,
    dropped,
    ...(plan ? { rebalance: plan } : {}),
    ...(strategies ? { strategies } : {}),
    metrics: runMetrics(proposals, equity, plan, driftBefore),
  };
}

/** `proposals`, each carrying the rejection of the same symbol and side in `rejections`, when there is one. */
function withRejections(proposals: Proposal[], rejections: readonly EarlierRejection[]): Proposal[] {
  if (rejections.length === 0) return proposals;
  return proposals.map((p) => {
    const rejected = rejections.find((r) => r.symbol === p.symbol && r.side === p.side);
    return rejected === undefined ? p : { ...p, rejectedEarlier: rejected };
  });
}

function runStrategies(policy: Policy, market: MarketSnapshot, equity: number, state: StrategyState | undefined): StrategyStep {
  if (market.history === undefined) {
    throw new FatalError('INTERNAL', `evaluate: policy ${policy.id} has strategies, so its market snapshot needs the price history`, 'build it with snapshotForPolicy; please report this as a bug');
  }
  return stepStrategies({ policy, history: market.history, signalFiles: market.signals ?? new Map(), accountEquity: equity, state });
}

/**
 * The largest |live weight − target weight| over the targets, in pp, before the exits: `measureDrift`'s figure (live
 * weight = market value × 100 / equity, the same sums in the same order), read off the fact table instead of measured
 * again. A target not held drifts by its whole weight.
 */
function maxAbsDrift(table: FactTable, targetsPct: ReadonlyMap<string, number>): number {
  let max = 0;
  let heldTargets = 0;
  for (let i = 0; i < table.size; i++) {
    const target = targetsPct.get(table.positions[i]!.symbol);
    if (target === undefined) continue;
    heldTargets += 1;
    max = Math.max(max, Math.abs((table.marketValue[i]! / table.equity) * 100 - target));
  }
  if (heldTargets === targetsPct.size) return max;
  const held = new Set(table.positions.map((p) => p.symbol));
  for (const [symbol, target] of targetsPct) if (!held.has(symbol)) max = Math.max(max, Math.abs(target));
  return max;
}
