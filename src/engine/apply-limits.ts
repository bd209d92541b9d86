import type { Limits } from '../policy/policy.js';
import type { Candidate, DropReason } from './candidate.js';
import { money } from '../text/numbers.js';
import { compareCandidates } from './rank-candidates.js';

/** An exit or trim recorded by an earlier run: the symbol and the instant of that run's clock. */
export interface RecordedExit {
  readonly symbol: string;
  readonly at: string;
}

/** A candidate the limits dropped, and the limit that did. */
export interface LimitDrop {
  readonly candidate: Candidate;
  readonly constraint: DropReason;
}

/** What {@link applyLimits} kept and dropped, each in rank order, and how many symbols the weekly cap had counted before. */
export interface LimitOutcome {
  readonly kept: readonly Candidate[];
  /** Dropped candidates: those under one share, then under the minimum value, then over the weekly cap, then over the run's trade cap. */
  readonly dropped: readonly LimitDrop[];
  /** Distinct symbols exited by recorded runs in the cap's window. */
  readonly recentlyExited: number;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Up to this many slots left, the best candidates are picked in one pass; beyond, all are sorted. */
const FEW_SLOTS = 16;

/** Start of the weekly exit cap's window at `now`: exits recorded after this instant (exclusive) count. */
export function exitCapSince(now: Date): Date {
  return new Date(now.getTime() - WEEK_MS);
}

/** Where the weekly exit cap stands at an evaluation: the symbols recorded exits already count, and the slots left for others. */
export interface WeeklyCap {
  /** Distinct symbols exited or trimmed by recorded runs in the cap's window (they pass the cap again). */
  readonly counted: ReadonlySet<string>;
  /** `max_exits_per_week` − counted, at least 0: how many other symbols can still exit. */
  readonly slots: number;
}

/**
 * The weekly exit cap at `now`: the distinct symbols of `recentExits` recorded from `now − 7 days` (exclusive) to
 * `now` (inclusive), and the slots `limits.max_exits_per_week` leaves for other symbols.
 */
export function weeklyCap(limits: Limits, recentExits: readonly RecordedExit[], now: Date): WeeklyCap {
  const since = exitCapSince(now).getTime();
  const counted = new Set<string>();
  for (const exit of recentExits) {
    const at = Date.parse(exit.at);
    if (at > since && at <= now.getTime()) counted.add(exit.symbol);
  }
  return { counted, slots: Math.max(0, limits.max_exits_per_week - counted.size) };
}

/**
 * Applies the policy's limits to merged candidates, deterministically, in this order:
 *
 * 1. `rounds_to_zero`: a quantity that rounded to 0 shares;
 * 2. `min_trade_value`: notional below `limits.min_trade_value`;
 * 3. `max_exits_per_week` ({@link weeklyCap}): the cap counts the distinct symbols exited or trimmed by recorded runs
 *    in the rolling 7 days before the evaluation. A symbol already counted does not use a new slot, so
 *    re-running the same evaluation proposes the same exits. Remaining slots go to candidates in
 *    {@link compareCandidates} order;
 * 4. `max_trades_per_run`: the first N survivors in the same order.
 * Only what can be kept is ranked: the slots left and the symbols already counted, never every candidate. With
 * `listDropped` the dropped ones are listed too, each limit's in rank order (what a run explains); else `dropped` is
 * empty. Numbers only: the words of a drop are {@link describeLimitDrop}'s.
 */
export function applyLimits(candidates: readonly Candidate[], limits: Limits, cap: WeeklyCap, listDropped: boolean): LimitOutcome {
  const { counted, slots } = cap;
  const underOneShare: Candidate[] = [];
  const underMinimum: Candidate[] = [];
  const alreadyCounted: Candidate[] = [];
  const newSymbols: Candidate[] = [];
  for (const candidate of candidates) {
    if (!(candidate.quantity > 0)) underOneShare.push(candidate);
    else if (!(candidate.notional >= limits.min_trade_value)) underMinimum.push(candidate);
    else (counted.has(candidate.symbol) ? alreadyCounted : newSymbols).push(candidate);
  }
  // In rank order, a candidate of a counted symbol always passes the weekly cap and the others take the slots left.
  const slotted = slots <= FEW_SLOTS ? best(newSymbols, slots) : newSymbols.sort(compareCandidates).slice(0, slots);
  const passed = mergeRanked(alreadyCounted.sort(compareCandidates), slotted);
  const kept = passed.slice(0, limits.max_trades_per_run);
  if (!listDropped) return { kept, dropped: [], recentlyExited: counted.size };
  const inSlot = new Set(slotted);
  const drops = (list: readonly Candidate[], constraint: DropReason): LimitDrop[] => list.map((candidate) => ({ candidate, constraint }));
  return {
    kept,
    dropped: [
      ...drops(underOneShare.sort(compareCandidates), 'rounds_to_zero'),
      ...drops(underMinimum.sort(compareCandidates), 'min_trade_value'),
      ...drops(newSymbols.filter((c) => !inSlot.has(c)).sort(compareCandidates), 'max_exits_per_week'),
      ...drops(passed.slice(limits.max_trades_per_run), 'max_trades_per_run'),
    ],
    recentlyExited: counted.size,
  };
}

/** The `count` best candidates in rank order, by one pass that keeps them sorted: O(n × count), for a few slots. */
function best(candidates: readonly Candidate[], count: number): Candidate[] {
  const top: Candidate[] = [];
  if (count === 0) return top;
  for (const candidate of candidates) {
    if (top.length === count && compareCandidates(candidate, top[count - 1]!) >= 0) continue;
    let k = Math.min(top.length, count - 1);
    while (k > 0 && compareCandidates(candidate, top[k - 1]!) < 0) k--;
    top.splice(k, 0, candidate);
    if (top.length > count) top.pop();
  }
  return top;
}

/** Two lists in rank order merged into one. */
function mergeRanked(a: readonly Candidate[], b: readonly Candidate[]): Candidate[] {
  const merged: Candidate[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) merged.push(j >= b.length || (i < a.length && compareCandidates(a[i]!, b[j]!) < 0) ? a[i++]! : b[j++]!);
  return merged;
}

/**
 * Why a limit dropped a candidate, with its numbers: "3 exits per rolling week reached (1 recorded in the last 7
 * days)". `held` is the position's quantity, `recentlyExited` the outcome's.
 */
export function describeLimitDrop(drop: LimitDrop, limits: Limits, held: number, recentlyExited: number): string {
  const { candidate } = drop;
  switch (drop.constraint) {
    case 'rounds_to_zero':
      return `${candidate.ruleId} asks for less than one share of the ${held} held`;
    case 'min_trade_value':
      return `notional ${money(candidate.notional)} is below the minimum trade value ${money(limits.min_trade_value)}`;
    case 'max_exits_per_week':
      return `${limits.max_exits_per_week} exits per rolling week reached (${recentlyExited} recorded in the last 7 days)`;
    case 'max_trades_per_run':
      return `at most ${limits.max_trades_per_run} trades per run`;
  }
}
