import type { RuleResult } from 'json-rules-engine';
import type { Policy } from '../policy/policy.js';
import { applyLimits, describeLimitDrop, weeklyCap, type LimitOutcome, type RecordedExit } from './apply-limits.js';
import type { Candidate, DroppedProposal } from './candidate.js';
import { confirmRule, type CompiledRule } from './compiled-rules.js';
import { exitCandidates } from './exit-candidates.js';
import { exitProposal } from './exit-proposal.js';
import { explainConditions } from './explain-conditions.js';
import type { FactTable } from './fact-table.js';
import type { Proposal } from './proposal.js';

/** The exits half of an evaluation: the proposals kept, in priority order, and the candidates the limits dropped. */
export interface ExitDecision {
  readonly proposals: Proposal[];
  /** Empty unless asked for (`explainDropped`). */
  readonly dropped: DroppedProposal[];
}

/** What {@link decideExits} decides on: the rules evaluated, the facts, the history and the clock. */
export interface ExitInputs {
  readonly rules: readonly CompiledRule[];
  readonly table: FactTable;
  readonly recentExits: readonly RecordedExit[];
  readonly now: Date;
  /** Write the dropped candidates' proposals and reasons too (what a run records); else only the kept ones'. */
  readonly explainDropped: boolean;
}

/**
 * Decides the exits and trims of an evaluation on numbers, and writes words only for what is kept.
 *
 * The compiled predicates say which rules fire on which positions; fires are sized and merged per position
 * ({@link exitCandidates}) and the limits keep some ({@link applyLimits}), all in numbers. When the weekly cap has
 * no slot left and no drop is to be explained, only the positions of symbols it already counts are looked at. Then json-rules-engine,
 * the authority on what fired and why, runs on every fire of every candidate kept (and dropped, when explained): a
 * fire it does not confirm is no fire, and the decision is made again without it, so the engine's word decides
 * exactly as if it had run everywhere. Only then are proposals written ({@link exitProposal}: reason), and the
 * dropped ones with the limit's numbers ({@link describeLimitDrop}).
 */
export async function decideExits(policy: Policy, inputs: ExitInputs): Promise<ExitDecision> {
  const { rules, table } = inputs;
  const refused = new Set<number>();
  const results = new Map<number, RuleResult | undefined>();
  const fireKey = (candidate: Candidate): number => candidate.row * rules.length + candidate.rule;
  const cap = weeklyCap(policy.limits, inputs.recentExits, inputs.now);
  // With no slot left, only symbols the cap already counts can exit: unless its drops are explained, no other
  // position can be kept whatever fires on it, so its rules are not evaluated (the proposals are the same).
  const onlySymbols = !inputs.explainDropped && cap.slots === 0 ? cap.counted : undefined;
  for (;;) {
    const outcome = applyLimits(exitCandidates(policy, rules, table, refused, onlySymbols), policy.limits, cap, inputs.explainDropped);
    let confirmed = true;
    for (const candidate of [...outcome.kept, ...outcome.dropped.map((d) => d.candidate)]) {
      for (const fire of [candidate, ...candidate.alsoFired]) {
        const key = fireKey(fire);
        if (!results.has(key)) results.set(key, await confirmRule(rules[fire.rule]!, table, fire.row));
        if (results.get(key) === undefined) {
          refused.add(key);
          confirmed = false;
        }
      }
    }
    if (confirmed) return writeDecision(policy, inputs, outcome, (candidate) => results.get(fireKey(candidate))!);
  }
}

function writeDecision(policy: Policy, inputs: ExitInputs, outcome: LimitOutcome, resultOf: (candidate: Candidate) => RuleResult): ExitDecision {
  const { rules, table } = inputs;
  const proposalOf = (candidate: Candidate): Proposal => {
    const result = resultOf(candidate);
    const explanation = candidate.kind === 'custom' ? explainConditions(result.conditions as never) : '';
    return exitProposal(policy, candidate, rules[candidate.rule]!, explanation, table.row(candidate.row));
  };
  const proposals = outcome.kept.map(proposalOf);
  const dropped = inputs.explainDropped
    ? outcome.dropped.map((drop): DroppedProposal => ({
        proposal: proposalOf(drop.candidate),
        constraint: drop.constraint,
        detail: describeLimitDrop(drop, policy.limits, table.positions[drop.candidate.row]!.quantity, outcome.recentlyExited),
      }))
    : [];
  return { proposals, dropped };
}
