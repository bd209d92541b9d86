import type { RecordedExit } from '../engine/apply-limits.js';
import type { Evaluation } from '../engine/evaluate.js';
import type { Proposal } from '../engine/proposal.js';
import type { PricePanel } from '../market/price-panel.js';
import type { Holdings } from '../portfolio/holdings.js';
import type { Policy } from '../policy/policy.js';
import { runPipeline } from '../run/run-pipeline.js';
import type { RunInputs } from '../run/run-inputs.js';
import { checkBooks, checkFill } from './check-books.js';
import { PriceMatrix } from './price-matrix.js';
import { replayBenchmark } from './replay-benchmark.js';
import { replayDecisions, type ReplayDecision } from './replay-decisions.js';
import { ReplayError } from '../errors.js';
import type { FillTiming, ReplayFill, ReplayResult, ReplayRun } from './replay-result.js';
import { replayWindow } from './replay-window.js';
import { fillOrder, type BrokerRounding, type ReplayOrder } from './sim-broker.js';
import { SimBooks } from './sim-books.js';
import { StrategySeries } from './strategies/strategy-series.js';
import type { SignalFile } from '../strategy/signals/signal-file.js';
import type { StrategyState } from '../strategy/strategy-state.js';

/** Capital of a replay from cash when neither the options nor the policy say: 100,000 in base currency. */
export const DEFAULT_REPLAY_CAPITAL = 100_000;

/** Options of {@link replayPolicy}. */
export interface ReplayOptions {
  /** First and last session, `YYYY-MM-DD` inclusive; default the price file's first and last dates. */
  readonly from?: string;
  readonly to?: string;
  /** Start from this much cash (base currency); default the policy's `replay.capital`, else {@link DEFAULT_REPLAY_CAPITAL}. Ignored with `holdings`. */
  readonly capital?: number;
  /** Start from these holdings (cash and positions) instead of cash. */
  readonly holdings?: Holdings;
  /** When decisions fill; default the policy's `replay.fill`, else `next-close` (no look-ahead). */
  readonly fill?: FillTiming;
  /** The policy revision, for the result (`ccdc11a`, `unversioned`); default `unversioned`. */
  readonly revision?: string;
  /** Called as sessions complete (`done` of `total`), about every 1% of them. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Called with every evaluation: what it saw and decided, for tools that compare a replay with live runs. */
  readonly onEvaluation?: (run: ReplayEvaluation) => void;
  /** The parsed signal files of the policy's file-signal strategies, by strategy id (see `loadSignalFiles`). */
  readonly signalFiles?: ReadonlyMap<string, SignalFile>;
}

/** One evaluation of a replay as the pipeline ran it: the decision, its inputs and history, and the evaluation. */
export interface ReplayEvaluation {
  readonly decision: ReplayDecision;
  readonly inputs: RunInputs;
  readonly recentExits: readonly RecordedExit[];
  readonly evaluation: Evaluation;
}

const WEEK_MS = 7 * 86_400_000;

/**
 * Replays a policy over price history with the live decision code: the one run pipeline (`runPipeline`) driven by a
 * simulated clock, with the replay's books as the account, an in-memory record and a simulated broker.
 *
 * Sessions are the dates of the price file (with a `calendar`, those that are its sessions), from `from` to `to`. The
 * policy's schedules decide when it evaluates ({@link replayDecisions}); each decision sees only the closes known at
 * its clock. Every proposal is approved, as `approval.mode: auto` would, and fills on the simulated broker with the
 * policy's `execution` costs ({@link fillOrder}): at the first close after the decision's session (`next-close`) or
 * at that session's close (`same-close`); an order whose symbol has no close then waits for its next close. Every
 * position is marked to market at each session's known closes, and the books' invariants are checked every session
 * (`checkBooks`). Whole shares and cents, as the paper broker, unless the policy says `rounding: none`. A policy with
 * strategies carries their state from one evaluation to the next in memory, as live runs carry it in the store, and
 * the result has their sleeves (`ReplayStrategies`).
 *
 * Throws `ReplayError` for a bad window, a held symbol without prices or books that do not reconcile, and what the
 * evaluation throws (`RebalanceError`, `MissingPriceError`).
 */
export async function replayPolicy(policy: Policy, prices: PricePanel, options: ReplayOptions = {}): Promise<ReplayResult> {
  const window = replayWindow(prices, policy, options.from, options.to);
  const { dates, rows } = window;
  const matrix = new PriceMatrix(prices);
  const decisions = replayDecisions(policy, window);
  const start = options.holdings ?? { cash: options.capital ?? policy.replay.capital ?? DEFAULT_REPLAY_CAPITAL, positions: [] };
  checkStart(start, matrix, dates[0]!, rows[0]!, prices.file);
  const unrounded = policy.rounding === 'none';
  const books = new SimBooks(matrix.symbols, start, !unrounded);
  const rounding: BrokerRounding = { cents: !unrounded, shareStep: unrounded ? undefined : policy.fractional_shares ? 0.000001 : 1 };
  const fill = options.fill ?? policy.replay.fill ?? 'next-close';
  const sessions = dates.length;
  const equity = new Float64Array(sessions);
  const cash = new Float64Array(sessions);
  const weights: (Float64Array | undefined)[] = new Array(matrix.symbols.length);
  const fills: ReplayFill[] = [];
  const runs: { date: string; at: string; scheduleIds: readonly string[]; trades: number; notional: number; equity: number; proposals: readonly Proposal[] }[] = [];
  let pending: ReplayOrder[] = [];
  let exits: RecordedExit[] = [];
  const strategies = (policy.strategies ?? []).length > 0 ? new StrategySeries(policy, dates, rows, matrix) : undefined;
  const signals = options.signalFiles ?? new Map<string, SignalFile>();
  let strategyState: StrategyState | undefined;

  const fillAt = (order: ReplayOrder, i: number): boolean => {
    const quote = matrix.raw[order.column]![rows[i]!]!;
    if (Number.isNaN(quote)) return false;
    const done = fillOrder(books, order, quote, dates[i]!, policy.execution, rounding);
    if (done) {
      checkFill(books, order.column, dates[i]!);
      fills.push(done);
      strategies?.addFill(i, done, quote);
      const run = runs[order.run]!;
      run.trades += 1;
      run.notional += done.notional;
    }
    return true;
  };

  const quantities = books.quantity;
  const { known } = matrix;
  const heldColumns = new Int32Array(matrix.symbols.length);
  const progressEvery = Math.max(1, Math.floor(sessions / 100));
  for (let i = 0; i < sessions; i++) {
    const row = rows[i]!;
    pending = pending.filter((order) => !fillAt(order, i));
    for (const decision of decisions[i]!) {
      const since = decision.at.getTime() - WEEK_MS;
      exits = exits.filter((exit) => Date.parse(exit.at) > since);
      const recentExits = exits;
      await runPipeline(policy, decision.at, { ...(decision.only === undefined ? {} : { only: decision.only }), explainDropped: false }, {
        inputs: async () => ({
          holdings: books.holdings(),
          market: { date: dates[i]!, prices: matrix.at(row), ...(strategies ? { history: { panel: prices, index: row }, signals } : {}) },
          holdingsFile: 'replay',
          pricesFile: prices.file,
        }),
        history: async () => ({ recentExits, ...(strategyState ? { strategies: strategyState } : {}) }),
        async record(_policy, evaluation, inputs) {
          options.onEvaluation?.({ decision, inputs, recentExits, evaluation });
          if (evaluation.strategies) {
            strategyState = evaluation.strategies.state;
            strategies!.addStep(evaluation.strategies);
          }
          runs.push({ date: dates[i]!, at: evaluation.evaluatedAt, scheduleIds: decision.scheduleIds, trades: 0, notional: 0, equity: evaluation.equity, proposals: evaluation.proposals });
          return runs.length - 1;
        },
        async approve(_policy, run, evaluation) {
          const at = evaluation.evaluatedAt;
          for (const proposal of evaluation.proposals) {
            if (proposal.side === 'sell') exits = [...exits, { symbol: proposal.symbol, at }];
            const order: ReplayOrder = { proposal, column: matrix.column.get(proposal.symbol)!, decidedOn: dates[i]!, run };
            if (fill === 'next-close' || !fillAt(order, i)) pending.push(order);
          }
        },
      });
    }
    let marketValue = 0;
    let heldCount = 0;
    for (let j = 0; j < quantities.length; j++) {
      const quantity = quantities[j]!;
      if (quantity === 0) continue;
      const mark = known[j]![row]!;
      if (Number.isNaN(mark)) throw new ReplayError('REPLAY_MISSING_PRICE', `${matrix.symbols[j]} is held on ${dates[i]} but ${prices.file} has no price for it yet`, 'add its closes to the price file');
      marketValue += quantity * mark;
      heldColumns[heldCount++] = j;
    }
    const held = heldColumns.subarray(0, heldCount);
    const value = books.cash + marketValue;
    equity[i] = value;
    cash[i] = books.cash;
    for (const j of held) (weights[j] ??= new Float64Array(sessions))[i] = (quantities[j]! * known[j]![row]!) / value;
    checkBooks(books, (j) => known[j]![row]!, held, dates[i]!, value);
    strategies?.closeSession(i, books.quantity);
    if (options.onProgress && ((i + 1) % progressEvery === 0 || i + 1 === sessions)) options.onProgress(i + 1, sessions);
  }

  const initialCapital = startValue(start, matrix, rows[0]!);
  const columns = weights.flatMap((w, j) => (w ? [j] : []));
  return {
    policyId: policy.id,
    policyName: policy.name,
    revision: options.revision ?? 'unversioned',
    baseCurrency: policy.base_currency,
    pricesFile: prices.file,
    fill,
    initialCapital,
    netDeposits: 0,
    dates,
    equity,
    cash,
    symbols: columns.map((j) => matrix.symbols[j]!),
    weights: columns.map((j) => weights[j]!),
    fills,
    runs: runs.map((r): ReplayRun => ({ date: r.date, at: r.at, scheduleIds: r.scheduleIds, trades: r.trades, turnover: r.equity > 0 ? r.notional / r.equity : 0, proposals: r.proposals })),
    benchmark: replayBenchmark(policy, matrix, rows, start, initialCapital),
    ...(strategies ? { strategies: strategies.finish(strategyState) } : {}),
  };
}

/** Every held symbol must be a column with a close known at the first session. */
function checkStart(start: Holdings, matrix: PriceMatrix, date: string, row: number, file: string): void {
  if (!(start.cash >= 0) || !Number.isFinite(start.cash)) throw new ReplayError('REPLAY_BAD_CAPITAL', `starting cash ${start.cash} is not an amount`, 'give a number ≥ 0 in base currency');
  const missing = start.positions.filter((p) => {
    const j = matrix.column.get(p.symbol);
    return j === undefined || Number.isNaN(matrix.known[j]![row]!);
  });
  if (missing.length > 0) {
    throw new ReplayError('REPLAY_MISSING_PRICE', `${missing.map((p) => p.symbol).join(', ')} ${missing.length === 1 ? 'is' : 'are'} held but ${file} has no price for ${missing.length === 1 ? 'it' : 'them'} on or before ${date}`, 'add the column or remove the holding');
  }
}

/** Cash plus the starting positions at the first session's known closes. */
function startValue(start: Holdings, matrix: PriceMatrix, row: number): number {
  let value = start.cash;
  for (const p of start.positions) value += p.quantity * matrix.known[matrix.column.get(p.symbol)!]![row]!;
  return value;
}
