import type { LoadedPolicyFile } from './workspace/load-policy-file.js';

/**
 * Every error Ballast raises, in one hierarchy. Each is a {@link BallastError}: a `code` from {@link ErrorCode} to test
 * and branch on, a message that says what went wrong, an `action` that says what to do about it, and the original
 * error as `cause` when there was one. A {@link FatalError} needs a person to change something (a policy, a file, a
 * command line); a {@link RetryableError} may go away by itself (the network, Telegram's 429s and 5xx), so the same
 * call can be tried again later. The CLI prints the message and the action (never a stack trace) and maps the class to
 * an exit code; only its entry point ends the process.
 */

/** Codes of errors that belong to no family below. */
export type GeneralErrorCode =
  /** The policy folder does not exist. */
  | 'NO_POLICY_DIR'
  /** `ballast show` was given a run id the database does not hold. */
  | 'NO_SUCH_RUN'
  /** `--account` names no paper account of the database. */
  | 'UNKNOWN_ACCOUNT'
  /** A `--policy` filter names no policy of the database or the policy folder. */
  | 'UNKNOWN_POLICY'
  /** The data folder cannot be created, read or written (permissions, read-only disk, not a folder). */
  | 'DATA_DIR_UNUSABLE'
  /** A file or folder could not be read or written (a system error such as `EACCES`, `ENOSPC`, `EISDIR`). */
  | 'FILE_ACCESS'
  /** This process lost the database lock to another one and stopped writing: run the command again. */
  | 'LOCK_LOST'
  /** A store opened read-only was asked to write: a bug in the caller. */
  | 'READ_ONLY_STORE'
  /** `ballast diff` was run outside a git work tree, or given a revision git does not know. */
  | 'NOT_A_GIT_REPOSITORY'
  | 'UNKNOWN_REVISION'
  /** `ballast test` found no policy tests, or a test file cannot be read. */
  | 'NO_TESTS'
  | 'NO_TEST_FILE'
  /** A policy test case's `runs` names no section or rule of its policy. */
  | 'UNKNOWN_RULE'
  /** A scheduled slot is recorded twice, or finished without being started: a bug in the caller. */
  | 'SLOT_ALREADY_RECORDED'
  | 'SLOT_NOT_STARTED'
  /** A replay covers no trading session, so there is nothing to measure. */
  | 'NO_SESSIONS'
  /** Something that cannot happen did: a bug in Ballast. */
  | 'INTERNAL';

/** Codes of {@link DatabaseError}. */
export type DatabaseErrorCode =
  /** The database file is not valid JSON. */
  | 'CORRUPT_DATABASE'
  /** Valid JSON but not a Ballast database (`{}`, `[]`, another program's file). */
  | 'NOT_A_DATABASE'
  /** A version this Ballast does not read (written by a newer one). */
  | 'DATABASE_TOO_NEW'
  /** A known version whose content does not have the shape of `schemas/database.schema.json`. */
  | 'DATABASE_DAMAGED'
  /** The file is read-only, so Ballast will not replace it. */
  | 'DATABASE_READ_ONLY';

/** Codes of {@link ApprovalError}. */
export type ApprovalErrorCode =
  /** No proposal has this id. */
  | 'UNKNOWN_PROPOSAL'
  /** Execution is paused for the policy. */
  | 'PAUSED'
  /** The actor may only read. */
  | 'FORBIDDEN'
  /** A button of an older record or message. */
  | 'REPLAYED';

/**
 * Codes of {@link PortfolioError}; every refusal leaves the account state untouched.
 *
 * - `INVALID_ORDER`: a fill's symbol is empty or its side is neither `buy` nor `sell`.
 * - `INVALID_AMOUNT`: a cash amount is not finite, negative (or zero where a positive amount is needed), or has
 *   more than 2 decimals (amounts are whole cents).
 * - `INVALID_QUANTITY`: a share quantity is not a finite number > 0.
 * - `INVALID_PRICE`: a price or quote is not finite, or not > 0 (≥ 0 for marks).
 * - `INVALID_COSTS`: a commission or slippage setting is not a finite number ≥ 0, or `commissionMin` is not whole cents.
 * - `INVALID_TIME`: `at` is not an ISO 8601 date-time beginning `YYYY-MM-DD`, or is earlier than the last fill.
 * - `INSUFFICIENT_CASH`: a buy, withdrawal or fee would make cash negative (no margin).
 * - `INSUFFICIENT_QUANTITY`: a sell asks for more shares than the account holds.
 * - `MISSING_PRICE`: a held symbol has no price to value it at.
 * - `NOT_REPRESENTABLE`: a result would not survive storage as a JSON number exactly (about 15 significant digits:
 *   money up to 9,999,999,999,999.99).
 */
export type PortfolioErrorCode =
  | 'INVALID_ORDER'
  | 'INVALID_AMOUNT'
  | 'INVALID_QUANTITY'
  | 'INVALID_PRICE'
  | 'INVALID_COSTS'
  | 'INVALID_TIME'
  | 'INSUFFICIENT_CASH'
  | 'INSUFFICIENT_QUANTITY'
  | 'MISSING_PRICE'
  | 'NOT_REPRESENTABLE';

/** Codes of {@link RebalanceError}: bad options (fix the policy) or inputs that cannot be priced (fix the data). */
export type RebalanceErrorCode =
  | 'INVALID_TARGETS'
  | 'TARGETS_OVER_100'
  | 'INVALID_OPTION'
  | 'MISSING_PRICE'
  | 'INVALID_PRICE'
  | 'DUPLICATE_POSITION'
  | 'EQUITY_NOT_POSITIVE';

/** Codes of {@link ScheduleError}: what is wrong with a schedule entry or a scheduling request. */
export type ScheduleErrorCode =
  | 'SCHEDULE_BAD_SPEC'
  | 'SCHEDULE_UNKNOWN_KEY'
  | 'SCHEDULE_CONFLICTING_KEYS'
  | 'SCHEDULE_BAD_ID'
  | 'SCHEDULE_DUPLICATE_ID'
  | 'SCHEDULE_UNKNOWN_FORM'
  | 'SCHEDULE_TIME_REQUIRED'
  | 'SCHEDULE_BAD_TIME'
  | 'SCHEDULE_BAD_WEEKDAY'
  | 'SCHEDULE_BAD_DAY'
  | 'SCHEDULE_BAD_INTERVAL'
  | 'SCHEDULE_BAD_CRON'
  | 'SCHEDULE_CRON_DOM_AND_DOW'
  | 'SCHEDULE_ANCHOR_REQUIRED'
  | 'SCHEDULE_BAD_ANCHOR'
  | 'SCHEDULE_BAD_RUNS'
  | 'SCHEDULE_UNKNOWN_RUN'
  | 'SCHEDULE_BAD_ROLL'
  | 'SCHEDULE_ROLL_ALWAYS_MOVES'
  | 'SCHEDULE_BAD_CATCH_UP'
  | 'SCHEDULE_BAD_ZONE'
  | 'SCHEDULE_BAD_CALENDAR'
  | 'SCHEDULE_BAD_INSTANT'
  | 'SCHEDULE_BAD_SLOT_KEY'
  | 'SCHEDULE_NO_SLOT';

/** Codes of {@link CalendarError}: what went wrong when asking an exchange calendar. */
export type CalendarErrorCode = 'CALENDAR_UNKNOWN' | 'CALENDAR_BAD_DATE' | 'CALENDAR_OUT_OF_RANGE' | 'CALENDAR_NOT_A_SESSION';

/** Codes of the Telegram adapter's errors. */
export type TelegramErrorCode =
  /** The environment configures Telegram wrongly. */
  | 'TELEGRAM_CONFIG'
  /** Telegram answered with a refusal that retrying cannot change (bad token, bot blocked, bad request). */
  | 'TELEGRAM_REFUSED'
  /** Telegram could not be reached or answered 429/5xx: try again later. */
  | 'TELEGRAM_UNAVAILABLE';

/** Codes of {@link ReplayError}: why a replay cannot run. */
export type ReplayErrorCode =
  /** `--from` after `--to`, or a date outside the price file. */
  | 'REPLAY_BAD_WINDOW'
  /** A held symbol has no price when the replay needs one. */
  | 'REPLAY_MISSING_PRICE'
  /** The starting capital is not an amount ≥ 0. */
  | 'REPLAY_BAD_CAPITAL';

/** Every code a {@link BallastError} can carry. */
export type ErrorCode =
  | GeneralErrorCode
  | DatabaseErrorCode
  | ApprovalErrorCode
  | PortfolioErrorCode
  | RebalanceErrorCode
  | ScheduleErrorCode
  | CalendarErrorCode
  | TelegramErrorCode
  | ReplayErrorCode
  | 'USAGE'
  | 'BAD_INPUT'
  | 'INVALID_POLICY'
  | 'INVALID_TIME_ZONE'
  | 'INVALID_DATE'
  | 'STORE_LOCKED'
  | 'ACCOUNTING_INVARIANT';

/** Options every Ballast error takes: the error that caused it, if any. */
export interface CauseOption {
  readonly cause?: unknown;
}

/**
 * The root of the hierarchy. `message` is the problem followed by the `action` (what to do), so printing `message`
 * alone is always actionable; `problem` and `action` are also kept apart for messages that show them separately.
 * Abstract: throw a {@link FatalError}, a {@link RetryableError} or one of their subclasses.
 */
export abstract class BallastError extends Error {
  readonly code: ErrorCode;
  /** What went wrong, e.g. `no run run-000042 in .ballast/ballast.json`. */
  readonly problem: string;
  /** What to do about it, e.g. `` `ballast history` lists the runs ``. */
  readonly action: string;
  /** True when the same call may succeed later without anyone changing anything. */
  abstract readonly retryable: boolean;

  protected constructor(code: ErrorCode, problem: string, action: string, options: CauseOption = {}) {
    super(joinSentences(problem, action), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.problem = problem;
    this.action = action;
  }
}

/** An error a person must fix (policy, file, command line, configuration); trying again unchanged fails again. */
export class FatalError extends BallastError {
  readonly retryable = false;
  constructor(code: ErrorCode, problem: string, action: string, options?: CauseOption) {
    super(code, problem, action, options);
  }
}

/** An error that may pass by itself (network down, rate limit, server error): the same call can be tried later. */
export class RetryableError extends BallastError {
  readonly retryable = true;
  constructor(code: ErrorCode, problem: string, action: string, options?: CauseOption) {
    super(code, problem, action, options);
  }
}

/** The command line was wrong: unknown option, missing or malformed argument. Exit code 2. */
export class UsageError extends FatalError {
  constructor(problem: string, action: string, options?: CauseOption) {
    super('USAGE', problem, action, options);
  }
}

/** One problem in an input file, at a 1-based row (the line number in the file) and, where known, a column name. */
export interface InputProblem {
  readonly file: string;
  readonly row?: number;
  readonly column?: string;
  readonly message: string;
}

/**
 * Input files (holdings, prices) are unusable. Carries every problem found, each with its file and row,
 * so the user fixes them all in one pass.
 */
export class InputError extends FatalError {
  readonly problems: readonly InputProblem[];
  constructor(problems: readonly InputProblem[], options?: CauseOption) {
    super('BAD_INPUT', problems.map(formatInputProblem).join('\n'), `fix the file${problems.length > 1 ? 's' : ''} above and run the command again`, options);
    this.problems = problems;
  }
}

/** Formats an input problem as `file:row  column  message`. */
export function formatInputProblem(problem: InputProblem): string {
  const where = problem.row === undefined ? problem.file : `${problem.file}:${problem.row}`;
  return `${where}  ${problem.column ? `${problem.column}  ` : ''}${problem.message}`;
}

/** A policy that failed validation: carries the loaded file so callers can print every diagnostic. */
export class InvalidPolicyError extends FatalError {
  readonly loaded: LoadedPolicyFile;
  constructor(loaded: LoadedPolicyFile) {
    super('INVALID_POLICY', `${loaded.file} is not a valid policy`, `run \`ballast check ${loaded.file}\` for every problem`);
    this.loaded = loaded;
  }
}

/** A database file Ballast refuses to open or replace; `file` names it. The file is never changed. */
export class DatabaseError extends FatalError {
  declare readonly code: DatabaseErrorCode;
  readonly file: string;
  constructor(code: DatabaseErrorCode, file: string, problem: string, action: string, options?: CauseOption) {
    super(code, problem, action, options);
    this.file = file;
  }
}

/** A refused approval action; `proposalId` names the proposal when known. Safe to show to the person who tried it. */
export class ApprovalError extends FatalError {
  declare readonly code: ApprovalErrorCode;
  readonly proposalId: string | undefined;
  constructor(code: ApprovalErrorCode, problem: string, action: string, proposalId?: string) {
    super(code, problem, action);
    this.proposalId = proposalId;
  }
}

/**
 * A refused ledger or broker operation: carries a `code`, and the figures that caused it in `context` (money in base
 * currency, quantities in shares). The account state is untouched.
 */
export class PortfolioError extends FatalError {
  declare readonly code: PortfolioErrorCode;
  readonly context: Readonly<Record<string, unknown>>;
  constructor(code: PortfolioErrorCode, problem: string, action: string, context: Readonly<Record<string, unknown>> = {}) {
    super(code, problem, action);
    this.context = context;
  }
}

/** The identities and bounds checked after every execution (position-based accounting: cash, lots, P&L). */
export type InvariantId =
  | 'equity_equals_cash_plus_positions'
  | 'total_pnl_equals_realized_plus_unrealized'
  | 'equity_change_equals_total_pnl'
  | 'quantity_positive'
  | 'cost_basis_non_negative'
  | 'cash_non_negative';

/**
 * One broken invariant: which one, the two sides compared (base currency, or shares for quantities), and
 * `difference` = `actual − expected`, all computed exactly and converted to doubles for reporting.
 */
export interface InvariantViolation {
  readonly invariant: InvariantId;
  /** The lot's symbol for per-lot checks; absent for account-wide checks. */
  readonly symbol?: string;
  readonly expected: number;
  readonly actual: number;
  readonly difference: number;
}

/**
 * The ledger no longer reconciles: execution must stop. `violations` names each broken invariant and by how much.
 * Thrown by `assertInvariants` (and so by `executePaper`).
 */
export class AccountingInvariantError extends FatalError {
  declare readonly code: 'ACCOUNTING_INVARIANT';
  readonly accountId: string;
  readonly violations: readonly InvariantViolation[];
  constructor(accountId: string, violations: readonly InvariantViolation[]) {
    const list = violations.map((v) => `${v.invariant}${v.symbol === undefined ? '' : ` (${v.symbol})`} off by ${v.difference}`).join('; ');
    super(
      'ACCOUNTING_INVARIANT',
      `Account ${accountId} no longer reconciles: ${list}. Execution stopped.`,
      'Do not trade this account until its state is restored from the last good copy, and report this as a bug.',
    );
    this.accountId = accountId;
    this.violations = violations;
  }
}

/** A held symbol has no price in the market snapshot: the core never guesses a price. */
export class MissingPriceError extends FatalError {
  declare readonly code: 'MISSING_PRICE';
  readonly symbols: readonly string[];
  constructor(symbols: readonly string[], date: string) {
    super('MISSING_PRICE', `no price on ${date} for held ${symbols.length === 1 ? 'symbol' : 'symbols'} ${symbols.join(', ')}`, 'add a price column or remove the holding');
    this.symbols = symbols;
  }
}

/**
 * The rebalance math cannot give a meaningful rebalance for these options or inputs. `context` names the option path
 * (e.g. `bands.absolutePp`) or the symbols involved.
 */
export class RebalanceError extends FatalError {
  declare readonly code: RebalanceErrorCode;
  readonly context: Readonly<Record<string, unknown>>;
  constructor(code: RebalanceErrorCode, problem: string, action: string, context: Readonly<Record<string, unknown>> = {}) {
    super(code, problem, action);
    this.context = context;
  }
}

/**
 * A schedule entry or scheduling request is wrong: `path` is the offending key inside the entry (e.g. `when`,
 * `runs[1]`; empty when not about a key) and `scheduleId` the schedule when known.
 */
export class ScheduleError extends FatalError {
  declare readonly code: ScheduleErrorCode;
  /** Key path inside the entry, e.g. `when`, `runs[0]`; `''` when the whole entry or a call argument is at fault. */
  readonly path: string;
  readonly scheduleId: string | undefined;
  constructor(code: ScheduleErrorCode, path: string, problem: string, action: string, options?: { scheduleId?: string; cause?: unknown }) {
    super(code, problem, action, options);
    this.path = path;
    this.scheduleId = options?.scheduleId;
  }
}

/** A replay's inputs are unusable (dates outside the price file, a held symbol without prices, a bad capital). */
export class ReplayError extends FatalError {
  declare readonly code: ReplayErrorCode | 'NO_SESSIONS' | 'ACCOUNTING_INVARIANT';
  constructor(code: ReplayErrorCode | 'NO_SESSIONS' | 'ACCOUNTING_INVARIANT', problem: string, action: string, options?: CauseOption) {
    super(code, problem, action, options);
  }
}

/** An exchange calendar was asked something it cannot answer: `calendar` (e.g. `XNYS`) and the `date` asked about. */
export class CalendarError extends FatalError {
  declare readonly code: CalendarErrorCode;
  readonly calendar: string;
  readonly date: string;
  constructor(code: CalendarErrorCode, calendar: string, date: string, problem: string, action: string) {
    super(code, problem, action);
    this.calendar = calendar;
    this.date = date;
  }
}

/** Telegram is configured wrongly in the environment; the action names the variable to fix. */
export class TelegramConfigError extends FatalError {
  declare readonly code: 'TELEGRAM_CONFIG';
  constructor(problem: string, action: string) {
    super('TELEGRAM_CONFIG', problem, action);
  }
}

/** A Node system error (`EACCES`, `ENOENT`, `ENOSPC`, …): has an errno `code` and usually the `path` it was about. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

const SYSTEM_REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
};

/**
 * A Node system error as a {@link FatalError} `FILE_ACCESS` naming the path and the reason in plain words
 * (`cannot open /data/ballast.lock: permission denied (EACCES)`), with the original as `cause`. `action` says what to do.
 */
export function fileAccessError(error: NodeJS.ErrnoException & { code: string }, action: string): FatalError {
  const reason = SYSTEM_REASONS[error.code] ?? error.message;
  return new FatalError('FILE_ACCESS', `cannot ${error.syscall ?? 'use'} ${error.path ?? 'a file'}: ${reason} (${error.code})`, action, { cause: error });
}

/** `problem; action`, or `Problem. Action.` when the problem is already a full sentence. */
function joinSentences(problem: string, action: string): string {
  if (action === '') return problem;
  return /[.!?]$/.test(problem) ? `${problem} ${action}` : `${problem}; ${action}`;
}
