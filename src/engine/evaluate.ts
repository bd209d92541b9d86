import { FatalError } from '../errors.js';
import type { RuleResult } from 'json-rules-engine';
import { localDate } from '../time/zone-offset.js';
import type { MarketSnapshot } from '../market/market-snapshot.js';
import type { Holdings } from '../portfolio/holdings.js';
import type { Policy } from '../policy/policy.js';
import { applyLimits, type RecordedExit } from './apply-limits.js';
import type { Candidate, DroppedProposal } from './candidate.js';
import { compiledRules } from './compiled-rules.js';
import { explainConditions } from './explain-conditions.js';
import { holdingsAfterSells } from './holdings-after-sells.js';
import { mergeBySymbol } from './merge-by-symbol.js';
import { planRebalance, rebalanceOptions, type RebalancePlan } from './plan-rebalance.js';
import { measureDrift, resolveRebalanceOptions, type RebalanceOptions } from './rebalance/index.js';
import { stepStrategies } from '../strategy/step-strategies.js';
import type { StrategyStep } from '../strategy/strategy-step.js';
import type { StrategyState } from '../strategy/strategy-state.js';
import { strategyRebalanceOptions } from './strategy-targets.js';
import { runMetrics, type RunMetrics } from './run-metrics.js';
import { positionFacts, type PositionFacts } from './position-facts.js';
import type { Proposal } from './proposal.js';
import { sizeExit } from './size-exit.js';

/** What earlier runs left behind that this evaluation must respect. */
export interface EvaluationHistory {
  /** Exits and trims recorded by earlier runs of the same policy; the weekly exit cap counts them. */
  readonly recentExits: readonly RecordedExit[];
  /** What the policy's strategies stored after its last recorded run (held signals, sleeves, allocation). */
  readonly strategies?: StrategyState;
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
  readonly positions: readonly PositionFacts[];
  /** Exits and trims first (in priority order), then rebalance trades (sells, then buys in funding order). */
  readonly proposals: readonly Proposal[];
  /** Exit candidates the limits dropped. */
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
 * Steps: facts per position (days held counted to `now`'s date in the policy's time zone) → every enabled rule,
 * compiled once per policy to json-rules-engine rules ({@link compiledRules}), each run per position where its compiled
 * predicate holds, with the facts it reads, so the engine confirms and explains every fire → each fired rule sized into a sell candidate
 * (see {@link sizeExit}) → one candidate per symbol ({@link mergeBySymbol}) → limits ({@link applyLimits}) →
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
  const facts = positionFacts(holdings, market, today);
  const only = options.only;
  const rules = compiledRules(policy).filter((rule) => only === undefined || only.includes(rule.id));
  const candidates: Candidate[] = [];
  for (const position of facts) {
    const all = position as unknown as Record<string, unknown>;
    for (const rule of rules) {
      if (!rule.mayFire(all)) continue;
      const given: Record<string, unknown> = {};
      for (const fact of rule.facts) given[fact] = all[fact];
      const { results } = await rule.engine.run(given);
      const result = results[0];
      if (!result) continue;
      const ruleId = String(result.name);
      candidates.push(sizeExit(policy, position, { ruleId, explanation: explain(result) }, market.date));
    }
  }
  const { proposals: exits, dropped } = applyLimits(mergeBySymbol(candidates), policy.limits, history.recentExits, now);
  const rebalancing = (policy.rebalance?.enabled ?? true) && (only === undefined || only.includes('rebalance'));
  const tradesLeft = policy.limits.max_trades_per_run - exits.length;
  const equity = facts[0]?.equity ?? holdings.cash;
  const strategies = rebalancing && (policy.strategies ?? []).length > 0 ? runStrategies(policy, market, equity, history.strategies) : undefined;
  let rebalanceWith: RebalanceOptions | undefined;
  if (strategies !== undefined) {
    const held = holdings.positions.map((p) => p.symbol);
    rebalanceWith = strategyRebalanceOptions(policy, strategies.combination, held, exits.map((e) => e.symbol), equity, tradesLeft);
  } else if (rebalancing && policy.rebalance !== undefined) {
    rebalanceWith = rebalanceOptions(policy, policy.rebalance, tradesLeft, market.prices);
  }
  const hasTargets = rebalanceWith !== undefined && !('weightsPct' in rebalanceWith.targets && Object.keys(rebalanceWith.targets.weightsPct).length === 0);
  const after = holdingsAfterSells(holdings, exits);
  const plan = rebalanceWith && hasTargets ? planRebalance(policy, rebalanceWith, after, market.prices, market.date, strategies?.combination) : undefined;
  const proposals = [...exits, ...(plan?.proposals ?? [])];
  // Drift is measured before the exits; with no exit the plan's own measure is that one.
  const driftBefore = rebalanceWith && plan ? (exits.length === 0 ? plan.summary.maxAbsDriftBeforePp : maxAbsDrift(holdings, market, rebalanceWith)) : null;
  return {
    policyId: policy.id,
    asOf: market.date,
    evaluatedAt: now.toISOString(),
    equity,
    cash: holdings.cash,
    positions: facts,
    proposals,
    dropped,
    ...(plan ? { rebalance: plan } : {}),
    ...(strategies ? { strategies } : {}),
    metrics: runMetrics(proposals, equity, plan, driftBefore),
  };
}

function runStrategies(policy: Policy, market: MarketSnapshot, equity: number, state: StrategyState | undefined): StrategyStep {
  if (market.history === undefined) {
    throw new FatalError('INTERNAL', `evaluate: policy ${policy.id} has strategies, so its market snapshot needs the price history`, 'build it with snapshotForPolicy; please report this as a bug');
  }
  return stepStrategies({ policy, history: market.history, signalFiles: market.signals ?? new Map(), accountEquity: equity, state });
}

function maxAbsDrift(holdings: Holdings, market: MarketSnapshot, options: RebalanceOptions): number {
  const resolved = resolveRebalanceOptions(options);
  const snapshot = measureDrift(holdings, market.prices, resolved.targetsPct, resolved.absoluteBandPp, resolved.relativeBandPct);
  return snapshot.rows.reduce((max, row) => Math.max(max, Math.abs(row.driftPp)), 0);
}

function explain(result: RuleResult): string {
  return String(result.name).startsWith('custom:') ? explainConditions(result.conditions as never) : '';
}
