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

/**
 * Error thrown by the schedule parser and slot functions: a `code`, the `path` of the offending key inside the
 * schedule entry (e.g. `when`, `runs[1]`; empty when not about a key), the schedule id when known, and a message that
 * says what to write instead. The original error, if any, is kept as `cause`.
 */
export class ScheduleError extends Error {
  /** Machine-readable reason. */
  readonly code: ScheduleErrorCode;
  /** Key path inside the entry, e.g. `when`, `runs[0]`; `''` when the whole entry or a call argument is at fault. */
  readonly path: string;
  /** Schedule id when known. */
  readonly scheduleId: string | undefined;

  constructor(code: ScheduleErrorCode, path: string, message: string, options?: { scheduleId?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ScheduleError';
    this.code = code;
    this.path = path;
    this.scheduleId = options?.scheduleId;
  }
}
