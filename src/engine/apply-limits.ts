import type { Limits } from '../policy/policy.js';
import type { Candidate, DroppedProposal } from './candidate.js';
import { money } from '../text/numbers.js';
import type { Proposal } from './proposal.js';
import { compareCandidates } from './rank-candidates.js';

/** An exit or trim recorded by an earlier run: the symbol and the instant of that run's clock. */
export interface RecordedExit {
  readonly symbol: string;
  readonly at: string;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Start of the weekly exit cap's window at `now`: exits recorded after this instant (exclusive) count. */
export function exitCapSince(now: Date): Date {
  return new Date(now.getTime() - WEEK_MS);
}

/**
 * Applies the policy's limits to merged candidates, deterministically, in this order:
 *
 * 1. `rounds_to_zero`: a quantity that rounded to 0 shares;
 * 2. `min_trade_value`: notional below `limits.min_trade_value`;
 * 3. `max_exits_per_week`: the cap counts the distinct symbols exited or trimmed by recorded runs in the rolling
 *    7 days before `now` (from `now − 7 days`, exclusive, to `now`, inclusive). A symbol already counted does not use a new slot, so
 *    re-running the same evaluation proposes the same exits. Remaining slots go to candidates in
 *    {@link compareCandidates} order;
 * 4. `max_trades_per_run`: the first N survivors in the same order.
 * Kept proposals come back in that order; every dropped one names the limit and its numbers.
 */
export function applyLimits(
  candidates: readonly Candidate[],
  limits: Limits,
  recentExits: readonly RecordedExit[],
  now: Date,
): { proposals: Proposal[]; dropped: DroppedProposal[] } {
  const dropped: DroppedProposal[] = [];
  const ranked = [...candidates].sort(compareCandidates);
  const sized = ranked.filter(({ proposal, facts }) => {
    if (proposal.quantity > 0) return true;
    dropped.push({ proposal, constraint: 'rounds_to_zero', detail: `${proposal.ruleId} asks for less than one share of the ${facts.quantity} held` });
    return false;
  });
  const worthIt = sized.filter(({ proposal }) => {
    if (proposal.notional >= limits.min_trade_value) return true;
    dropped.push({ proposal, constraint: 'min_trade_value', detail: `notional ${money(proposal.notional)} is below the minimum trade value ${money(limits.min_trade_value)}` });
    return false;
  });
  const since = exitCapSince(now).getTime();
  const counted = new Set(
    recentExits.filter((exit) => {
      const at = Date.parse(exit.at);
      return at > since && at <= now.getTime();
    }).map((exit) => exit.symbol),
  );
  const alreadyCounted = counted.size;
  const capped = worthIt.filter(({ proposal }) => {
    if (counted.has(proposal.symbol)) return true;
    if (counted.size < limits.max_exits_per_week) {
      counted.add(proposal.symbol);
      return true;
    }
    dropped.push({
      proposal,
      constraint: 'max_exits_per_week',
      detail: `${limits.max_exits_per_week} exits per rolling week reached (${alreadyCounted} recorded in the last 7 days)`,
    });
    return false;
  });
  const kept = capped.slice(0, limits.max_trades_per_run);
  for (const { proposal } of capped.slice(limits.max_trades_per_run)) {
    dropped.push({ proposal, constraint: 'max_trades_per_run', detail: `at most ${limits.max_trades_per_run} trades per run` });
  }
  return { proposals: kept.map((c) => c.proposal), dropped };
}
