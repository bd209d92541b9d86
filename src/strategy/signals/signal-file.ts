import { InputError } from '../../errors.js';
import { daysBetween } from '../../time/iso-date.js';
import { lastIndexAtOrBefore } from '../../util/last-index-at-or-before.js';

/** One row of a signal file: a symbol's weight (fraction of the sleeve) or score, and the file line it came from. */
export interface SignalRow {
  readonly symbol: string;
  readonly value: number;
  /** 1-based line in the file. */
  readonly line: number;
}

/**
 * A parsed research signal file (CSV `date,symbol,weight` or `date,symbol,score`): its rows grouped by date,
 * dates strictly increasing. `column` says what `value` is: `weight` (a fraction of the sleeve, 0.25 = 25%, used as
 * given) or `score` (ranked, selected and weighted like a factor).
 */
export interface SignalFile {
  /** The path as shown to the user. */
  readonly file: string;
  readonly column: 'weight' | 'score';
  /** Signal dates, `YYYY-MM-DD`, strictly increasing. */
  readonly dates: readonly string[];
  /** `rows[i]`: the rows dated `dates[i]`. */
  readonly rows: readonly (readonly SignalRow[])[];
}

/** The rows a decision uses and the date they carry. */
export interface SignalSnapshot {
  readonly date: string;
  readonly rows: readonly SignalRow[];
}

/**
 * The latest signal on or before `date` (`YYYY-MM-DD`), refusing a stale one: research output older than
 * `maxAgeDays` calendar days is an error, never a silently stale signal.
 *
 * @throws InputError naming the file and the line of its last usable date: `NO_SIGNAL` when nothing is dated on or
 *   before `date`, or a stale signal with its age and the strategy's `max_age_days`.
 */
export function signalAsOf(signal: SignalFile, date: string, maxAgeDays: number, strategyId: string): SignalSnapshot {
  const found = lastIndexAtOrBefore(signal.dates, date);
  if (found < 0) {
    const first = signal.dates[0];
    throw new InputError([{
      file: signal.file,
      ...(first !== undefined ? { row: signal.rows[0]![0]!.line } : {}),
      message: first === undefined
        ? `has no signal rows; strategy ${strategyId} needs rows dated on or before ${date}`
        : `has no signal dated on or before ${date} (its first date is ${first}); strategy ${strategyId} cannot decide before then`,
    }]);
  }
  const last = signal.dates[found]!;
  const age = daysBetween(last, date);
  if (age > maxAgeDays) {
    throw new InputError([{
      file: signal.file,
      row: signal.rows[found]![0]!.line,
      column: 'date',
      message: `the latest signal, dated ${last}, is ${age} days old on ${date}, older than max_age_days ${maxAgeDays} of strategy ${strategyId}; ` +
        'write fresh research output to the file, or raise `max_age_days` if the signal is meant to last',
    }]);
  }
  return { date: last, rows: signal.rows[found]! };
}
