/**
 * One strategy's sleeve between runs: its held signal and its virtual book (note 000 context 1: "each strategy
 * maintains its own portfolio"), in base currency and fractional shares, marked to market every session. Sleeves
 * trade at the decision session's close, frictionless except for the policy's `commission_bps + slippage_bps` on
 * every virtual trade, so a strategy's returns include its own turnover costs.
 */
export interface SleeveState {
  /** Session of the last rebalance, `YYYY-MM-DD`. */
  readonly lastRebalance: string;
  /** Date of the signal held (the session for a factor, the file's date for a file). */
  readonly signalDate: string;
  /** Hash of the strategy's definition at its last rebalance: an edited strategy rebalances at once. */
  readonly specHash: string;
  /** The held signal: symbol → weight, fraction of the sleeve. */
  readonly signal: Readonly<Record<string, number>>;
  /** Virtual cash, base currency. */
  readonly cash: number;
  /** Virtual positions: symbol → shares (fractional; negative = short, only from a `weight` file). */
  readonly shares: Readonly<Record<string, number>>;
  /** Equity at the state's `asOf` close: cash + Σ shares × close. */
  readonly equity: number;
  /** Capital allocated in, net of capital taken out by re-allocations, base currency: P&L = equity − capitalIn. */
  readonly capitalIn: number;
  /** Virtual trading costs paid so far, base currency. */
  readonly costs: number;
  /** The last daily returns of the sleeve, oldest first (at most `allocation.lookback`). */
  readonly returns: readonly number[];
}

/**
 * What the strategies of one policy carry from run to run, stored with the runs so a restart continues where it
 * stopped: the session last processed, the allocation in force and each strategy's sleeve.
 */
export interface StrategyState {
  readonly version: 1;
  /** Last session marked, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** Capital not allocated to any strategy (cash), base currency. */
  readonly unallocated: number;
  readonly allocation: {
    /** Session the allocation was last re-computed (kept or changed). */
    readonly checkedOn: string;
    /** Session the allocation last changed. */
    readonly changedOn: string;
    /** strategy id → allocation, fraction of capital. */
    readonly weights: Readonly<Record<string, number>>;
    /** What the allocation in force rests on ("Sharpe 1.20, 0.67, 0.71 over 60 sessions"). */
    readonly basis: string;
    /** Hash of the `allocation:` section and the strategies' `allocation_pct`: an edit re-allocates at once. */
    readonly specHash: string;
  };
  readonly sleeves: Readonly<Record<string, SleeveState>>;
}
