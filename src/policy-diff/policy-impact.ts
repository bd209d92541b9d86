import type { ProposalAction } from '../engine/proposal.js';
import type { PricePanel } from '../market/price-panel.js';
import type { Holdings } from '../portfolio/holdings.js';
import type { Policy } from '../policy/policy.js';
import { replayMetrics } from '../replay/metrics/index.js';
import { replayPolicy } from '../replay/replay-policy.js';
import type { FillTiming, ReplayResult } from '../replay/replay-result.js';

/** What both revisions of a policy are replayed over: the same window, start and fills. */
export interface ImpactOptions {
  /** First and last session, `YYYY-MM-DD` inclusive. */
  readonly from: string;
  readonly to: string;
  /** Start from these holdings; absent: from `capital` in cash. */
  readonly holdings?: Holdings;
  /** Starting cash in base currency when there are no `holdings`; default the replay's (100,000). */
  readonly capital?: number;
  readonly fill?: FillTiming;
}

/** One proposal of a replay, in the terms a reviewer compares: the session its run saw, what, how much, which rule. */
export interface ReplayedProposal {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly symbol: string;
  readonly action: ProposalAction;
  /** Shares. */
  readonly quantity: number;
  /** `take_profit`, `cut_loss`, `stale`, `concentration`, `custom:<id>`, `rebalance`, … */
  readonly rule: string;
}

/** The figures a reviewer weighs, of one replay (`src/replay/metrics/`: ffn's definitions). */
export interface ImpactMetrics {
  /** Compound annual growth, percent. */
  readonly cagrPct: number;
  /** Largest fall from a running high, percent ≤ 0. */
  readonly maxDrawdownPct: number;
  /** Daily Sharpe ratio annualized (risk-free 0); null when equity never moved. */
  readonly sharpe: number | null;
  /** Two-way turnover per year, percent of equity. */
  readonly turnoverPct: number;
  /** Fills executed. */
  readonly trades: number;
}

/** What a policy change would have done differently over the same history. */
export interface PolicyImpact {
  /** First and last session replayed, `YYYY-MM-DD`, and their count. */
  readonly from: string;
  readonly to: string;
  readonly sessions: number;
  /** Proposals the base revision made that the head does not, by date then symbol. */
  readonly onlyBefore: readonly ReplayedProposal[];
  /** Proposals the head makes that the base did not. */
  readonly onlyAfter: readonly ReplayedProposal[];
  readonly before: ImpactMetrics;
  readonly after: ImpactMetrics;
}

/**
 * Replays two revisions of a policy over the same history with `replayPolicy` (the replay engine, itself the live
 * decision code) and compares them: the proposals that differ, and the metrics. Throws what `replayPolicy` throws
 * (`ReplayError` for a bad window or a held symbol without prices).
 */
export async function policyImpact(before: Policy, after: Policy, prices: PricePanel, options: ImpactOptions): Promise<PolicyImpact> {
  const replay = (policy: Policy): Promise<ReplayResult> =>
    replayPolicy(policy, prices, {
      from: options.from,
      to: options.to,
      ...(options.holdings ? { holdings: options.holdings } : options.capital !== undefined ? { capital: options.capital } : {}),
      ...(options.fill ? { fill: options.fill } : {}),
    });
  const base = await replay(before);
  const head = await replay(after);
  return {
    from: head.dates[0]!,
    to: head.dates[head.dates.length - 1]!,
    sessions: head.dates.length,
    ...differingProposals(base, head),
    before: impactMetrics(base),
    after: impactMetrics(head),
  };
}

/**
 * The proposals of two replays that differ, compared as multisets of (date, symbol, action, quantity, rule): a
 * proposal made on the same date by both, with the same size and rule, is no difference.
 */
export function differingProposals(before: ReplayResult, after: ReplayResult): Pick<PolicyImpact, 'onlyBefore' | 'onlyAfter'> {
  const a = replayedProposals(before);
  const b = replayedProposals(after);
  return { onlyBefore: without(a, b), onlyAfter: without(b, a) };
}

/** Every proposal of a replay, in run order. */
export function replayedProposals(result: ReplayResult): ReplayedProposal[] {
  return result.runs.flatMap((run) => run.proposals.map((p) => ({ date: run.date, symbol: p.symbol, action: p.action, quantity: p.quantity, rule: p.ruleId })));
}

function without(from: readonly ReplayedProposal[], other: readonly ReplayedProposal[]): ReplayedProposal[] {
  const left = new Map<string, number>();
  for (const p of other) left.set(key(p), (left.get(key(p)) ?? 0) + 1);
  return from
    .filter((p) => {
      const n = left.get(key(p)) ?? 0;
      if (n === 0) return true;
      left.set(key(p), n - 1);
      return false;
    })
    .sort((x, y) => x.date.localeCompare(y.date) || x.symbol.localeCompare(y.symbol));
}

function key(p: ReplayedProposal): string {
  return [p.date, p.symbol, p.action, p.quantity, p.rule].join('\u0000');
}

function impactMetrics(result: ReplayResult): ImpactMetrics {
  const metrics = replayMetrics(result);
  return {
    cagrPct: metrics.policy.cagrPct,
    maxDrawdownPct: metrics.policy.maxDrawdown.pct,
    sharpe: metrics.policy.sharpe,
    turnoverPct: metrics.trading.turnover.annualizedPct,
    trades: metrics.trading.trades,
  };
}
