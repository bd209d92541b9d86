import type { ProposalAction } from '../engine/proposal.js';

/** One inline holdings row, as in a holdings CSV: a position, or the cash balance with symbol `CASH`. */
export interface HoldingRow {
  readonly symbol: string;
  /** Shares, or the cash amount in base currency for `CASH`. */
  readonly quantity: number;
  /** Base currency per share; absent only for `CASH`. */
  readonly average_cost?: number;
  /** `YYYY-MM-DD`; absent only for `CASH`. */
  readonly opened_date?: string;
}

/** One inline price row: `date` (`YYYY-MM-DD`) and symbol → closing price in base currency. */
export type PriceRow = { readonly date: string } & Readonly<Record<string, number | string>>;

/** An input given inline (rows, each with the 1-based line it sits on in the test file) or as a CSV path. */
export type CaseInput<Row> =
  | { readonly csv: string }
  | { readonly rows: readonly Row[]; readonly lines: readonly number[] };

/** What a case expects: one proposal, in the terms `ballast plan` prints. */
export interface ExpectedProposal {
  readonly symbol: string;
  readonly action: ProposalAction;
  /** `take_profit`, `cut_loss`, `stale`, `concentration`, `custom:<rule id>`, `rebalance`. */
  readonly rule: string;
  /** Shares. */
  readonly quantity: number;
}

/** An exit or trim an earlier run recorded, which the weekly exit cap counts: that day's run at 16:00 policy time. */
export interface RecordedExitRow {
  readonly symbol: string;
  /** `YYYY-MM-DD`. */
  readonly date: string;
}

/**
 * One test case with the file's defaults applied: everything needed to evaluate the policy once and compare.
 * Paths (`policy`, CSV inputs) are as written, relative to the test file.
 */
export interface PolicyTestCase {
  readonly name: string;
  /** 1-based line of the case in the test file. */
  readonly line: number;
  readonly policy: string;
  readonly holdings: CaseInput<HoldingRow>;
  readonly prices: CaseInput<PriceRow>;
  /** `YYYY-MM-DD`. */
  readonly asOf: string;
  readonly recordedExits: readonly RecordedExitRow[];
  /** The sections or rules evaluated, as a schedule's `runs` (`[concentration]`); absent: every one. */
  readonly runs?: readonly string[];
  /** Empty: the run must propose nothing. */
  readonly expect: readonly ExpectedProposal[];
}

/** A validated test file (`policies/tests/*.test.yaml`, `schemas/policy-test.schema.json`). */
export interface PolicyTestSuite {
  /** The path as shown to the user. */
  readonly file: string;
  readonly cases: readonly PolicyTestCase[];
}
