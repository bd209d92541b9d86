/**
 * A paper account's equity at one moment: what `/report` charts as the account's equity since it started. Recorded
 * at every run that read its holdings from the account (valued at the run's prices) and after every execution
 * (valued at the quotes it executed at), so commissions and slippage show the moment they are paid.
 */
export interface EquityPoint {
  /**
   * When, on the account's own timeline, ISO 8601 UTC: the instant a run's proposals were put up for decision (the
   * wall clock of `ballast run`, the slot of a scheduled run; the run's clock when it opened none), or the execution's.
   */
  readonly at: string;
  /** cash + Σ position values, base currency. */
  readonly equity: number;
  /** Cash, base currency. */
  readonly cash: number;
  /** What valued the account: a recorded run (`run-000042`) or an executed proposal (its id). */
  readonly source: { readonly kind: 'run'; readonly runId: string } | { readonly kind: 'execution'; readonly proposalId: string };
}
