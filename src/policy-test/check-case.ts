import { evaluate } from '../engine/evaluate.js';
import { rulesForRuns } from '../engine/rules-for-runs.js';
import { BUILT_IN_RULES } from '../engine/compile-rules.js';
import { FatalError } from '../errors.js';
import type { DropReason } from '../engine/candidate.js';
import type { RebalanceConstraint } from '../engine/rebalance/index.js';
import { asOfInstant } from '../market/as-of-instant.js';
import type { HoldingsFile } from '../market/parse-holdings.js';
import type { PricePanel } from '../market/price-panel.js';
import { snapshotForPolicy } from '../market/snapshot-for-holdings.js';
import type { Policy } from '../policy/policy.js';
import type { ExpectedProposal, PolicyTestCase } from './policy-test-suite.js';

/** What `runs` may name besides rule ids, as a schedule's `runs`. */
const SECTIONS: readonly string[] = ['all', 'exits', 'rules', 'rebalance'];

/** A proposal the run made, in the terms a case expects, with the reason a trader would read. */
export interface GotProposal extends ExpectedProposal {
  readonly reason: string;
}

/**
 * A trade a limit or rebalance constraint dropped or cut: shown next to a failure, since "expected but dropped" is a
 * common surprise.
 */
export interface DroppedTrade {
  readonly symbol: string;
  readonly rule: string;
  /** The exit limit (`max_exits_per_week`, …) or rebalance constraint (`min_trade_value`, `budget`, …). */
  readonly constraint: DropReason | RebalanceConstraint;
  readonly effect: 'dropped' | 'cut';
  readonly detail: string;
}

/** What one case's run did against what it expected; both lists sorted by symbol, rule, action, quantity. */
export interface CaseOutcome {
  readonly passed: boolean;
  readonly expected: readonly ExpectedProposal[];
  readonly got: readonly GotProposal[];
  readonly dropped: readonly DroppedTrade[];
}

/**
 * Runs one test case through {@link evaluate}, the decision code of live runs: prices as of `asOf` (the last row on
 * or before it), the clock at 16:00 that day in the policy's time zone, recorded exits as earlier runs at 16:00 of
 * their date; with `runs`, only those sections or rules (as a schedule's `runs`, through `rulesForRuns`). Passes when the proposals equal the expected ones (symbol, action, rule, quantity), in any order.
 * Throws `InputError` when a held symbol or rebalance target has no price, `FatalError` `UNKNOWN_RULE` when `runs`
 * names no section or rule of the policy.
 */
export async function checkCase(policy: Policy, holdings: HoldingsFile, prices: PricePanel, testCase: PolicyTestCase): Promise<CaseOutcome> {
  const market = snapshotForPolicy(prices, holdings, testCase.asOf, policy);
  const now = asOfInstant(testCase.asOf, policy.time_zone);
  const recentExits = testCase.recordedExits.map((exit) => ({ symbol: exit.symbol, at: asOfInstant(exit.date, policy.time_zone).toISOString() }));
  const unknown = (testCase.runs ?? []).filter((name) => !SECTIONS.includes(name) && !(BUILT_IN_RULES as readonly string[]).includes(name) && !policy.rules.some((r) => r.id === name));
  if (unknown.length > 0) {
    const known = [...SECTIONS, ...BUILT_IN_RULES, ...policy.rules.map((r) => r.id)];
    throw new FatalError('UNKNOWN_RULE', `\`runs\` names ${unknown.map((n) => `\`${n}\``).join(', ')}, not a section or rule of ${policy.id}`, `use ${known.map((n) => `\`${n}\``).join(', ')}`);
  }
  const only = testCase.runs === undefined ? undefined : rulesForRuns(policy, testCase.runs);
  const evaluation = await evaluate(policy, holdings.holdings, market, now, { recentExits }, only === undefined ? {} : { only });
  const got = evaluation.proposals
    .map((p): GotProposal => ({ symbol: p.symbol, action: p.action, rule: p.ruleId, quantity: p.quantity, reason: p.reason }))
    .sort(byProposal);
  const expected = [...testCase.expect].sort(byProposal);
  const dropped: DroppedTrade[] = [
    ...evaluation.dropped.map(({ proposal, constraint, detail }) => ({ symbol: proposal.symbol, rule: proposal.ruleId, constraint, effect: 'dropped' as const, detail })),
    ...(evaluation.rebalance?.dropped ?? []).map(({ symbol, constraint, effect, detail }) => ({ symbol, rule: 'rebalance', constraint, effect, detail })),
  ];
  return { passed: sameProposals(expected, got), expected, got, dropped };
}

function sameProposals(expected: readonly ExpectedProposal[], got: readonly ExpectedProposal[]): boolean {
  return expected.length === got.length && expected.every((e, i) => proposalKey(e) === proposalKey(got[i]!));
}

/** The four fields a case pins, as one comparable string. */
export function proposalKey(p: ExpectedProposal): string {
  return `${p.symbol}\u0000${p.rule}\u0000${p.action}\u0000${p.quantity}`;
}

function byProposal(a: ExpectedProposal, b: ExpectedProposal): number {
  return a.symbol.localeCompare(b.symbol) || a.rule.localeCompare(b.rule) || a.action.localeCompare(b.action) || a.quantity - b.quantity;
}
