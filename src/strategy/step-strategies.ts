import type { PriceHistory } from '../market/price-history.js';
import { getCalendar } from '../market/calendars/get-calendar.js';
import type { ExchangeCalendar } from '../market/calendars/exchange-calendar.js';
import type { Policy, StrategyPolicy } from '../policy/policy.js';
import { stableHash } from '../util/stable-hash.js';
import { closeAt } from './close-at.js';
import { combineTargets } from './combine-targets.js';
import { decideAllocation } from './decide-allocation.js';
import { netOrders, type StrategyOrder } from './net-orders.js';
import { isRebalanceDue, parseRebalancePeriod, sessionsBetween, sessionsToNextRebalance, type RebalancePeriod } from './rebalance-period.js';
import { emptyBook, openBook, tradeBook, type SleeveBook } from './sleeve-book.js';
import type { SignalFile } from './signals/signal-file.js';
import { strategyWeights } from './signals/strategy-weights.js';
import type { SleeveMark, StrategyDecision, StrategyStep } from './strategy-step.js';
import type { SleeveState, StrategyState } from './strategy-state.js';
import { FatalError } from '../errors.js';

/** What the strategies of a policy decide from. */
export interface StrategyStepInputs {
  /** The policy; its `strategies`, `allocation`, `execution` (sleeve costs) and `calendar` are read. */
  readonly policy: Policy;
  /** Closes up to the decision session (`history.index`). */
  readonly history: PriceHistory;
  /** Parsed signal files, by strategy id, for strategies with a file signal. */
  readonly signalFiles: ReadonlyMap<string, SignalFile>;
  /** The account's equity at the decision session's closes, base currency: the sleeves' capital on a first run. */
  readonly accountEquity: number;
  /** What the previous run stored; undefined on the first run. */
  readonly state: StrategyState | undefined;
}

interface Plan {
  readonly strategy: StrategyPolicy;
  readonly period: RebalancePeriod;
  readonly specHash: string;
  readonly stored: SleeveState | undefined;
  readonly book: SleeveBook;
  rebalance: boolean;
  why: string;
  weights: ReadonlyMap<string, number>;
  signalDate: string;
  notes: readonly string[];
}

/** Parsed periods by strategy (a policy's strategy objects live as long as the policy): parse once, ask every session. */
const PERIODS = new WeakMap<StrategyPolicy, RebalancePeriod>();

function periodOf(strategy: StrategyPolicy, calendar: ExchangeCalendar | undefined): RebalancePeriod {
  let period = PERIODS.get(strategy);
  if (period === undefined) {
    period = parseRebalancePeriod(strategy.rebalance, strategy.id, calendar);
    PERIODS.set(strategy, period);
  }
  return period;
}

const SPEC_HASHES = new WeakMap<StrategyPolicy, string>();

function strategySpecHash(s: StrategyPolicy): string {
  let hash = SPEC_HASHES.get(s);
  if (hash === undefined) {
    hash = stableHash(JSON.stringify([s.rebalance, s.universe, s.signal, s.rank ?? null, s.select, s.weighting]));
    SPEC_HASHES.set(s, hash);
  }
  return hash;
}

function dueReason(plan: Plan, today: string, sessions: readonly string[]): string | undefined {
  const { stored, period } = plan;
  if (stored === undefined) return 'first run';
  if (stored.specHash !== plan.specHash) return 'its definition changed since its last rebalance';
  if (!isRebalanceDue(period, stored.lastRebalance, today, sessions)) return undefined;
  if (period.kind === 'calendar') return `${period.text}: first session since ${stored.lastRebalance} on that schedule`;
  return period.sessions === 1 ? 'daily' : `${period.text}: ${sessionsBetween(sessions, stored.lastRebalance, today)} sessions since ${stored.lastRebalance}`;
}

/** The return of holding `weights` from session `index − 1` to `index` (a sleeve without capital still has one). */
function signalReturn(history: PriceHistory, weights: ReadonlyMap<string, number>, index: number): number {
  let r = 0;
  for (const [symbol, w] of weights) {
    const now = closeAt(history.panel, symbol, index);
    const before = closeAt(history.panel, symbol, index - 1);
    if (now !== undefined && before !== undefined) r += w * (now / before - 1);
  }
  return r;
}

function pushReturn(book: SleeveBook, r: number, keep: number): void {
  book.lastReturn = r;
  book.returns.push(r);
  if (book.returns.length > keep) book.returns.splice(0, book.returns.length - keep);
}

/** The mark of every sleeve at a session's close, from the books as they stand. */
function markOf(date: string, plans: readonly Plan[], unallocated: number): SleeveMark {
  const equity: Record<string, number> = {};
  const returns: Record<string, number> = {};
  const costs: Record<string, number> = {};
  const allocation: Record<string, number> = {};
  const shares = new Map<string, number>();
  let capital = unallocated;
  for (const { strategy, book } of plans) {
    equity[strategy.id] = book.equity;
    returns[strategy.id] = book.lastReturn;
    costs[strategy.id] = book.costs;
    capital += book.equity;
    for (const [symbol, q] of book.shares) shares.set(symbol, (shares.get(symbol) ?? 0) + q);
  }
  for (const { strategy, book } of plans) allocation[strategy.id] = capital > 0 ? book.equity / capital : 0;
  return { date, equity, returns, allocation, unallocated, costs, shares };
}

/**
 * One run of a policy's strategies (notes 000, 001, 003), pure and deterministic:
 *
 * 1. mark every sleeve to market at each session since the last run (held positions, last known closes), recording
 *    its daily returns;
 * 2. decide the allocation ({@link decideAllocation}) and move capital between sleeves when it changes;
 * 3. decide per strategy whether it rebalances (first run, edited definition, or due by its period: see
 *    {@link isRebalanceDue}) or holds its last signal; a rebalancing strategy computes new weights
 *    ({@link strategyWeights});
 * 4. trade each sleeve at the session's closes: a rebalancing sleeve to its weights at its capital, a held sleeve
 *    whose capital changed scaled in proportion; virtual costs at `commission_bps + slippage_bps`;
 * 5. combine the sleeves into net targets ({@link combineTargets}: allocation × weight, both marked to market, which on
 *    a session where everything rebalances right after a re-allocation is exactly note 000's Σ allocation × signal
 *    weight) and net the sleeves' orders ({@link netOrders}).
 *
 * A sleeve's return on a session is (equity after its trades − capital moved in) / equity the session before − 1;
 * a sleeve without capital records the return of its held signal, so an allocation method can bring it back.
 *
 * @throws InputError from a file signal (stale, missing rows), ScheduleError for a bad `rebalance:` text.
 */
export function stepStrategies(inputs: StrategyStepInputs): StrategyStep {
  const { policy, history, signalFiles, accountEquity } = inputs;
  const strategies = policy.strategies ?? [];
  const section = policy.allocation;
  if (section === undefined) throw new FatalError('INTERNAL', `stepStrategies: policy ${policy.id} has strategies but no allocation section (validatePolicy fills it)`, 'please report this as a bug');
  const { panel, index } = history;
  const sessions = panel.dates;
  const today = sessions[index]!;
  const runNotes: string[] = [];
  let state = inputs.state;
  if (state !== undefined && state.asOf > today) {
    runNotes.push(`the stored strategy state is from a later session (${state.asOf}); the strategies start afresh on ${today}`);
    state = undefined;
  }
  const calendar = policy.calendar ? getCalendar(policy.calendar) : undefined;
  const costRate = (policy.execution.commission_bps + policy.execution.slippage_bps) / 10_000;
  const priceOf = (symbol: string): number => closeAt(panel, symbol, index) ?? 0;
  const keep = Math.max(section.lookback, 2);

  const plans: Plan[] = strategies.map((strategy) => {
    const stored = state?.sleeves[strategy.id];
    const held = new Map(Object.entries(stored?.signal ?? {}));
    return {
      strategy,
      period: periodOf(strategy, calendar),
      specHash: strategySpecHash(strategy),
      stored,
      book: stored ? openBook(stored) : emptyBook(),
      rebalance: false,
      why: '',
      weights: held,
      signalDate: stored?.signalDate ?? today,
      notes: [],
    };
  });
  const retired = new Map<string, SleeveBook>();
  for (const [id, stored] of Object.entries(state?.sleeves ?? {})) {
    if (!strategies.some((s) => s.id === id)) retired.set(id, openBook(stored));
  }
  let unallocated = state ? state.unallocated : accountEquity;

  // 1. Mark to market every session since the last run (today's return is recorded after today's trades).
  const marks: SleeveMark[] = [];
  const first = state ? sessionsBetween(sessions, '', state.asOf) : index;
  for (let j = first; j <= index; j++) {
    for (const plan of plans) {
      const { book } = plan;
      const before = book.equity;
      let equity = book.cash;
      for (const [symbol, shares] of book.shares) equity += shares * (closeAt(panel, symbol, j) ?? 0);
      book.equity = equity;
      if (j < index && state !== undefined) pushReturn(book, before > 0 ? equity / before - 1 : signalReturn(history, plan.weights, j), keep);
    }
    for (const book of retired.values()) {
      let equity = book.cash;
      for (const [symbol, shares] of book.shares) equity += shares * (closeAt(panel, symbol, j) ?? 0);
      book.equity = equity;
    }
    if (j < index) marks.push(markOf(sessions[j]!, plans, unallocated));
  }
  const equityBefore = new Map(plans.map((p) => [p.strategy.id, p.stored?.equity ?? 0]));
  const markedBefore = new Map(plans.map((p) => [p.strategy.id, marks.length > 0 ? marks[marks.length - 1]!.equity[p.strategy.id] ?? 0 : equityBefore.get(p.strategy.id)!]));

  // 2. Retired strategies sell out; their capital joins the unallocated pool. Then the allocation.
  const orders: StrategyOrder[] = [];
  for (const [id, book] of retired) {
    for (const [symbol, notional] of tradeBook(book, priceOf, costRate, () => new Map())) orders.push({ strategyId: id, symbol, notional });
    unallocated += book.equity;
    runNotes.push(`strategy ${id} is no longer in the policy: its sleeve was sold and its capital re-allocated`);
  }
  const setChanged = state !== undefined && (retired.size > 0 || plans.some((p) => p.stored === undefined));
  const allocation = decideAllocation(section, strategies, () => plans.map((p) => Float64Array.from(p.book.returns)), state?.allocation, setChanged, today, sessions);
  let capital = unallocated;
  for (const plan of plans) capital += plan.book.equity;
  const capitalMoved = new Map<string, number>();
  const equityAtAllocation = new Map(plans.map((p) => [p.strategy.id, p.book.equity]));
  if (allocation.reallocate) {
    let allocated = 0;
    for (const plan of plans) {
      const target = (allocation.decision.weights[plan.strategy.id] ?? 0) * capital;
      const delta = target - plan.book.equity;
      plan.book.cash += delta;
      plan.book.capitalIn += delta;
      plan.book.equity = target;
      capitalMoved.set(plan.strategy.id, delta);
      allocated += target;
    }
    unallocated = capital - allocated;
  }

  // 3 and 4. Rebalance or hold each strategy, and trade its sleeve.
  for (const plan of plans) {
    const held = plan.weights;
    const due = dueReason(plan, today, sessions);
    if (due !== undefined) {
      const result = strategyWeights(plan.strategy, history, signalFiles.get(plan.strategy.id));
      plan.rebalance = true;
      plan.why = due;
      plan.weights = result.weights;
      plan.signalDate = result.signalDate;
      plan.notes = result.notes;
    }
    const { book } = plan;
    const before = equityAtAllocation.get(plan.strategy.id)!;
    let traded: Map<string, number> | undefined;
    if (plan.rebalance || (capitalMoved.has(plan.strategy.id) && !(before > 0))) {
      const weights = plan.weights;
      traded = tradeBook(book, priceOf, costRate, (equity) => {
        const target = new Map<string, number>();
        for (const [symbol, w] of weights) {
          const price = priceOf(symbol);
          if (price > 0 && equity > 0) target.set(symbol, (equity * w) / price);
        }
        return target;
      });
    } else if (capitalMoved.has(plan.strategy.id) && capitalMoved.get(plan.strategy.id) !== 0) {
      const held = new Map(book.shares);
      traded = tradeBook(book, priceOf, costRate, (equity) => new Map([...held].map(([symbol, shares]) => [symbol, (shares * equity) / before])));
    }
    for (const [symbol, notional] of traded ?? []) orders.push({ strategyId: plan.strategy.id, symbol, notional });
    if (state !== undefined && state.asOf < today) {
      const base = markedBefore.get(plan.strategy.id)!;
      const moved = capitalMoved.get(plan.strategy.id) ?? 0;
      pushReturn(book, base > 0 ? (book.equity - moved) / base - 1 : signalReturn(history, held, index), keep);
    }
  }

  // 5. Combine and net.
  capital = unallocated;
  for (const plan of plans) capital += plan.book.equity;
  const parts = plans
    .filter((p) => p.book.equity > 0 && capital > 0)
    .map((p) => ({
      strategyId: p.strategy.id,
      allocation: p.book.equity / capital,
      weights: new Map([...p.book.shares].map(([symbol, shares]) => [symbol, (shares * priceOf(symbol)) / p.book.equity])),
    }));
  const combination = combineTargets(parts, section.min_weight_pct / 100);
  marks.push(markOf(today, plans, unallocated));

  // A held strategy keeps its stored signal record (state is never mutated); a rebalanced one gets a new one.
  const signals = plans.map((plan) => (plan.rebalance ? Object.fromEntries(plan.weights) : plan.stored!.signal));
  const decisions: StrategyDecision[] = plans.map((plan, k) => {
    const last = plan.rebalance ? today : plan.stored!.lastRebalance;
    const toNext = sessionsToNextRebalance(plan.period, last, today, sessions);
    return {
      strategyId: plan.strategy.id,
      name: plan.strategy.name,
      period: plan.period.text,
      action: plan.rebalance ? 'rebalanced' : 'held',
      why: plan.rebalance ? plan.why : `holding ${plan.strategy.id}, ${toNext === undefined ? 'next rebalance beyond the calendar' : `${toNext} ${toNext === 1 ? 'session' : 'sessions'} to its next rebalance`}`,
      lastRebalance: last,
      sessionsToNext: toNext,
      signalDate: plan.signalDate,
      weights: signals[k]!,
      allocation: allocation.decision.weights[plan.strategy.id] ?? 0,
      equity: plan.book.equity,
      pnl: plan.book.equity - plan.book.capitalIn,
      costs: plan.book.costs,
      notes: plan.notes,
    };
  });
  const sleeves: Record<string, SleeveState> = {};
  plans.forEach((plan, k) => {
    const { book } = plan;
    sleeves[plan.strategy.id] = {
      lastRebalance: plan.rebalance ? today : plan.stored!.lastRebalance,
      signalDate: plan.signalDate,
      specHash: plan.rebalance ? plan.specHash : plan.stored!.specHash,
      signal: signals[k]!,
      cash: book.cash,
      shares: Object.fromEntries(book.shares),
      equity: book.equity,
      capitalIn: book.capitalIn,
      costs: book.costs,
      returns: book.returns,
    };
  });
  return {
    session: today,
    strategies: decisions,
    allocation: allocation.decision,
    combination,
    netting: netOrders(orders),
    marks,
    capital,
    notes: runNotes,
    state: { version: 1, asOf: today, unallocated, allocation: allocation.state, sleeves },
  };
}
