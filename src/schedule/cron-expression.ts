import { createTask, validateDetailed, type CronFieldError } from 'node-cron';
import { ScheduleError } from '../errors.js';

/**
 * A validated five-field cron expression in node-cron 4's dialect: the wall times it names, and node-cron's verdict on
 * which dates it names. Slots are computed from it by Ballast (`slotsBetween`), the timer of `ballast serve` runs it
 * as a node-cron task (`cronTrigger`).
 */
export interface CronExpression {
  /** The expression as written, trimmed, e.g. `30 16 * * 1-5`. */
  readonly source: string;
  /** The five fields as written: minute, hour, day of month, month, day of week. */
  readonly fields: readonly [string, string, string, string, string];
  /** Minutes 0..59 it names, ascending. */
  readonly minutes: readonly number[];
  /** Hours 0..23 it names, ascending. */
  readonly hours: readonly number[];
  /** ISO weekdays (1 = Monday … 7 = Sunday) the day-of-week field names, ascending; `mon#1` and `5L` count as their
   * weekday. All seven when the field is `*` or `?`. */
  readonly weekdays: readonly number[];
  /** True when the day-of-month field is not `*` or `?`. */
  readonly dayOfMonthRestricted: boolean;
  /** True when the day-of-week field is not `*` or `?`. */
  readonly weekdayRestricted: boolean;
  /**
   * Whether the local date `YYYY-MM-DD` matches the day-of-month, month and day-of-week fields, as node-cron's own
   * matcher decides (so `L`, `L-3`, `15W`, `mon#1` and `5L` mean exactly what they mean to node-cron). Memoized.
   */
  matchesDate(date: string): boolean;
}

const FIELD_HELP: Readonly<Record<string, { readonly name: string; readonly write: string }>> = {
  minute: { name: 'minute', write: '0–59, a list (0,30), a range (0-29) or a step (*/15)' },
  hour: { name: 'hour', write: '0–23, a list (9,16), a range (9-16) or a step (*/2)' },
  dayOfMonth: { name: 'day of month', write: '1–31, L (the last day), L-2 (two days before the last), 15W (the weekday nearest the 15th) or LW (the last weekday)' },
  month: { name: 'month', write: '1–12 or jan–dec, e.g. 3,6,9,12 or mar-dec' },
  dayOfWeek: { name: 'day of week', write: '0–7 (0 and 7 are Sunday) or sun–sat, e.g. 1-5 or mon-fri; mon#1 for the first Monday, 5L for the last Friday' },
};

const EXAMPLE = 'Write five fields "minute hour day-of-month month day-of-week", e.g. "30 16 * * 1-5" (16:30 Monday to Friday).';

function bad(path: string, expr: string, detail: string, action = EXAMPLE): ScheduleError {
  return new ScheduleError('SCHEDULE_BAD_CRON', path, `cron "${expr}": ${detail}.`, action);
}

function fieldProblem(path: string, expr: string, errors: readonly CronFieldError[]): ScheduleError {
  const impossible = errors.find((e) => e.message.includes('impossible day of month'));
  if (impossible) {
    return bad(path, expr, `day ${impossible.value ?? ''} never occurs in the months it names, so it would never run`,
      'Pick a day those months have, or write L for the last day of the month.');
  }
  const known = errors.filter((e) => FIELD_HELP[e.field] !== undefined);
  if (known.length === 0) {
    const illegal = errors.some((e) => e.message.includes('illegal characters'));
    return bad(path, expr, illegal ? 'it has characters cron does not use' : errors.map((e) => e.message).join('; '),
      `${EXAMPLE} Fields use digits, names (mon, jan), * , - / and L W # ?.`);
  }
  const detail = known.map((e) => `${FIELD_HELP[e.field]?.name} "${e.value ?? ''}" is not valid`).join('; ');
  const help = known.map((e) => `${FIELD_HELP[e.field]?.name}: ${FIELD_HELP[e.field]?.write}`).join('; ');
  return bad(path, expr, detail, `Write the ${help}.`);
}

/** ISO weekday of a node-cron day-of-week value: `1`, `'1#1'` (first Monday), `'5L'` (last Friday); Sunday is 7. */
function isoWeekday(value: number | string): number {
  const d = typeof value === 'number' ? value : Number.parseInt(value, 10);
  return d === 0 ? 7 : d;
}

const ascending = (values: readonly (number | string)[]): number[] =>
  [...new Set(values.map(Number))].sort((a, b) => a - b);

/**
 * A day matcher from node-cron itself: a task (never started, destroyed at once so node-cron's task registry does not
 * keep it) for 00:00:00 on the expression's day fields, asked about midnight UTC of each date. Its `match` reads the
 * date in UTC, so the answer is about the calendar date as written, whatever the policy's zone.
 */
function nodeCronDayMatcher(dayOfMonth: string, month: string, dayOfWeek: string): (date: string) => boolean {
  const task = createTask(`0 0 0 ${dayOfMonth} ${month} ${dayOfWeek}`, () => undefined, { timezone: 'UTC' });
  void task.destroy();
  const memo = new Map<string, boolean>();
  return (date) => {
    let hit = memo.get(date);
    if (hit === undefined) {
      hit = task.match(new Date(`${date}T00:00:00Z`));
      memo.set(date, hit);
    }
    return hit;
  };
}

/**
 * Parses and validates a five-field cron expression (`minute hour day-of-month month day-of-week`) in node-cron 4's
 * dialect, with node-cron's `validateDetailed`: `*`, lists, ranges (an inverted range such as `fri-mon` wraps around),
 * steps, names, `?`, and in the day fields `L`, `L-n`, `nW`, `LW`, `<weekday>#n` and `<weekday>L`.
 *
 * Ballast narrows the dialect in two places. Exactly five fields: no seconds field (a schedule runs at most once a
 * minute) and no `@daily`-style nicknames (write `when: daily at 00:00`). Both day fields restricted is refused with
 * `SCHEDULE_CRON_DOM_AND_DOW`: classic cron runs when *either* matches, node-cron when *both* do, so `0 9 1 * 1` means
 * different days to different readers (`mon#1` says "first Monday" unambiguously).
 *
 * Throws `SCHEDULE_BAD_CRON` at `path` (default `cron`; `when` for cron text written there) naming each bad field
 * and what it accepts, including a day that never occurs in the named months (`0 0 30 2 *`), which would otherwise
 * pass `check` and never run.
 */
export function parseCronExpression(expr: string, path = 'cron'): CronExpression {
  const source = expr.trim();
  const parts = source === '' ? [] : source.split(/\s+/);
  if (parts.length === 6) {
    throw bad(path, source, 'it has six fields; Ballast schedules run on whole minutes, so there is no seconds field',
      `Drop the first field, e.g. "${parts.slice(1).join(' ')}".`);
  }
  if (parts.length !== 5) {
    const nickname = parts.length === 1 && parts[0]?.startsWith('@');
    throw bad(path, source, `expected 5 fields, found ${parts.length}`,
      nickname ? `${EXAMPLE} For ${parts[0]} write it in words with when, e.g. when: "daily at 00:00".` : EXAMPLE);
  }
  const checked = validateDetailed(source);
  if (!checked.valid || checked.fields === undefined) throw fieldProblem(path, source, checked.errors);
  const fields = parts as [string, string, string, string, string];
  const any = (f: string): boolean => f === '*' || f === '?';
  const dayOfMonthRestricted = !any(fields[2]);
  const weekdayRestricted = !any(fields[4]);
  if (dayOfMonthRestricted && weekdayRestricted) {
    throw new ScheduleError('SCHEDULE_CRON_DOM_AND_DOW', path,
      `cron "${source}" restricts both day of month and day of week, which cron implementations read differently (either one, or both)`,
      'keep one of them as "*": for the first Monday of a month write "0 9 * * mon#1", for the last Friday "0 9 * * 5L" (or use a named frequency such as "monthly on last_trading_day at 15:10")');
  }
  return {
    source,
    fields,
    minutes: ascending(checked.fields.minute),
    hours: ascending(checked.fields.hour),
    weekdays: [...new Set(checked.fields.dayOfWeek.map(isoWeekday))].sort((a, b) => a - b),
    dayOfMonthRestricted,
    weekdayRestricted,
    matchesDate: nodeCronDayMatcher(fields[2], fields[3], fields[4]),
  };
}
