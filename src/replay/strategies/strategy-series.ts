import type { Policy } from '../../policy/policy.js';
import type { StrategyStep } from '../../strategy/strategy-step.js';
import type { StrategyState } from '../../strategy/strategy-state.js';
import type { PriceMatrix } from '../price-matrix.js';
import type { ReplayFill } from '../replay-result.js';
import type { ReplayStrategies } from './replay-strategies.js';

/**
 * Collects a replay's {@link ReplayStrategies} as it runs: the strategies' steps (their marks cover every session
 * since the previous evaluation), the account's costs per fill, and the account's positions at each session's close;
 * `finish` works out the identity's terms. O(sessions × symbols) memory.
 */
export class StrategySeries {
  readonly #ids: readonly string[];
  readonly #names: readonly string[];
  readonly #matrix: PriceMatrix;
  readonly #rows: ArrayLike<number>;
  readonly #index: ReadonlyMap<string, number>;
  readonly #sessions: number;
  readonly #columns: number;
  readonly #equity: Float64Array[];
  readonly #returns: Float64Array[];
  readonly #allocation: Float64Array[];
  readonly #unallocated: Float64Array;
  readonly #sleeveCosts: Float64Array;
  readonly #accountCost: Float64Array;
  /** Σ sleeve shares and account shares per session, row-major sessions × columns. */
  readonly #sleeveShares: Float64Array;
  readonly #accountShares: Float64Array;
  readonly #rebalances: number[];
  #periods: string[];
  #gross = 0;
  #net = 0;

  constructor(policy: Policy, dates: readonly string[], rows: ArrayLike<number>, matrix: PriceMatrix) {
    const strategies = policy.strategies ?? [];
    this.#ids = strategies.map((s) => s.id);
    this.#names = strategies.map((s) => s.name);
    this.#periods = strategies.map((s) => s.rebalance);
    this.#matrix = matrix;
    this.#rows = rows;
    this.#index = new Map(dates.map((d, i) => [d, i] as const));
    this.#sessions = dates.length;
    this.#columns = matrix.symbols.length;
    const series = (): Float64Array[] => this.#ids.map(() => new Float64Array(this.#sessions).fill(NaN));
    this.#equity = series();
    this.#returns = series();
    this.#allocation = series();
    this.#unallocated = new Float64Array(this.#sessions).fill(NaN);
    this.#sleeveCosts = new Float64Array(this.#sessions).fill(NaN);
    this.#accountCost = new Float64Array(this.#sessions);
    this.#sleeveShares = new Float64Array(this.#sessions * this.#columns).fill(NaN);
    this.#accountShares = new Float64Array(this.#sessions * this.#columns);
    this.#rebalances = this.#ids.map(() => 0);
  }

  /** Takes in one evaluation's strategies: its marks, the allocation in force, rebalances and netting. */
  addStep(step: StrategyStep): void {
    this.#periods = step.strategies.map((d) => d.period);
    step.strategies.forEach((d, s) => {
      if (d.action === 'rebalanced') this.#rebalances[s] = this.#rebalances[s]! + 1;
    });
    this.#gross += step.netting.gross;
    this.#net += step.netting.net;
    for (const mark of step.marks) {
      const i = this.#index.get(mark.date);
      if (i === undefined) continue;
      let costs = 0;
      this.#ids.forEach((id, s) => {
        this.#equity[s]![i] = mark.equity[id] ?? 0;
        this.#returns[s]![i] = mark.returns[id] ?? 0;
        this.#allocation[s]![i] = step.allocation.weights[id] ?? 0;
        costs += mark.costs[id] ?? 0;
      });
      this.#unallocated[i] = mark.unallocated;
      this.#sleeveCosts[i] = costs;
      const row = this.#sleeveShares.subarray(i * this.#columns, (i + 1) * this.#columns);
      row.fill(0);
      for (const [symbol, shares] of mark.shares) row[this.#matrix.column.get(symbol)!] = shares;
    }
  }

  /**
   * Adds a fill's cost to its session: its commission plus its distance from the session's close `quote` (slippage),
   * i.e. how much less the account is worth than before the trade.
   */
  addFill(i: number, fill: ReplayFill, quote: number): void {
    const distance = fill.side === 'buy' ? fill.notional - fill.quantity * quote : fill.quantity * quote - fill.notional;
    this.#accountCost[i] = this.#accountCost[i]! + fill.commission + distance;
  }

  /** Records the account's shares at session i's close (after its fills). */
  closeSession(i: number, quantity: Float64Array): void {
    this.#accountShares.set(quantity, i * this.#columns);
  }

  /**
   * Marks the sessions after the last evaluation (a policy that does not evaluate every session, or a last session
   * without a slot): the sleeves as `state` left them, held, at each session's known closes.
   */
  #markTail(state: StrategyState): void {
    let last = this.#sessions - 1;
    while (last >= 0 && Number.isNaN(this.#unallocated[last]!)) last--;
    if (last < 0) return;
    for (let i = last + 1; i < this.#sessions; i++) {
      const row = this.#sleeveShares.subarray(i * this.#columns, (i + 1) * this.#columns);
      row.fill(0);
      this.#ids.forEach((id, s) => {
        const sleeve = state.sleeves[id];
        let equity = sleeve?.cash ?? 0;
        for (const [symbol, shares] of Object.entries(sleeve?.shares ?? {})) {
          const j = this.#matrix.column.get(symbol)!;
          equity += shares * this.#matrix.known[j]![this.#rows[i]!]!;
          row[j] = row[j]! + shares;
        }
        const before = this.#equity[s]![i - 1]!;
        this.#equity[s]![i] = equity;
        this.#returns[s]![i] = before > 0 ? equity / before - 1 : 0;
        this.#allocation[s]![i] = this.#allocation[s]![i - 1]!;
      });
      this.#unallocated[i] = state.unallocated;
      this.#sleeveCosts[i] = this.#sleeveCosts[i - 1]!;
    }
  }

  /** The series, with the sessions after the last evaluation marked from `state` and the identity's terms worked out. */
  finish(state: StrategyState | undefined): ReplayStrategies {
    if (state !== undefined) this.#markTail(state);
    const n = this.#sessions;
    const c = this.#columns;
    const accountCosts = new Float64Array(n);
    const tracking = new Float64Array(n);
    let costs = 0;
    let gap = 0;
    for (let i = 0; i < n; i++) {
      costs += this.#accountCost[i]!;
      accountCosts[i] = costs;
      if (i > 0) {
        for (let j = 0; j < c; j++) {
          const sleeves = this.#sleeveShares[(i - 1) * c + j]!;
          const difference = this.#accountShares[(i - 1) * c + j]! - (Number.isNaN(sleeves) ? 0 : sleeves);
          if (difference === 0) continue;
          const known = this.#matrix.known[j]!;
          gap += difference * (known[this.#rows[i]!]! - known[this.#rows[i - 1]!]!);
        }
      }
      tracking[i] = gap;
    }
    return {
      ids: this.#ids,
      names: this.#names,
      periods: this.#periods,
      equity: this.#equity,
      returns: this.#returns,
      allocation: this.#allocation,
      unallocated: this.#unallocated,
      sleeveCosts: this.#sleeveCosts,
      accountCosts,
      tracking,
      rebalances: this.#rebalances,
      netting: { gross: this.#gross, net: this.#net, saving: this.#gross - this.#net, savingPct: this.#gross > 0 ? ((this.#gross - this.#net) / this.#gross) * 100 : 0 },
    };
  }
}
