import { ScheduleError } from '../errors.js';

/** A parsed five-field cron expression: the allowed values of each field, and which day fields were restricted. */
export interface CronExpression {
  /** The expression as written. */
  readonly source: string;
  /** Minutes 0..59. */
  readonly minutes: ReadonlySet<number>;
  /** Hours 0..23. */
  readonly hours: ReadonlySet<number>;
  /** Days of month 1..31. */
  readonly daysOfMonth: ReadonlySet<number>;
  /** Months 1..12. */
  readonly months: ReadonlySet<number>;
  /** ISO weekdays 1 = Monday … 7 = Sunday (cron's 0 and 7 both map to 7). */
  readonly weekdays: ReadonlySet<number>;
  /** True when the day-of-month field is not `*`. */
  readonly dayOfMonthRestricted: boolean;
  /** True when the day-of-week field is not `*`. */
  readonly weekdayRestricted: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface FieldSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  readonly nameBase: number;
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59, nameBase: 0 },
  { name: 'hour', min: 0, max: 23, nameBase: 0 },
  { name: 'day of month', min: 1, max: 31, nameBase: 0 },
  { name: 'month', min: 1, max: 12, names: MONTHS, nameBase: 1 },
  { name: 'day of week', min: 0, max: 7, names: DAYS, nameBase: 0 },
];

function bad(expr: string, detail: string): ScheduleError {
  return new ScheduleError('SCHEDULE_BAD_CRON', 'cron',
    `cron "${expr}": ${detail}.`,
    'Write five fields "minute hour day-of-month month day-of-week", e.g. "30 16 * * 1-5" (16:30 Monday to Friday).');
}

function value(expr: string, spec: FieldSpec, text: string): number {
  const lower = text.toLowerCase();
  const named = spec.names?.indexOf(lower) ?? -1;
  const n = named >= 0 ? named + spec.nameBase : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < spec.min || n > spec.max) {
    throw bad(expr, `${spec.name} "${text}" is not in ${spec.min}–${spec.max}`);
  }
  return n;
}

function field(expr: string, spec: FieldSpec, text: string): Set<number> {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : /^\d+$/.test(stepText) ? Number(stepText) : NaN;
    if (!Number.isInteger(step) || step < 1) throw bad(expr, `step "/${stepText}" in the ${spec.name} field must be a whole number ≥ 1`);
    let lo: number;
    let hi: number;
    if (range === '*') {
      lo = spec.min;
      hi = spec.max;
    } else if (range.includes('-')) {
      const [a = '', b = ''] = range.split('-');
      lo = value(expr, spec, a);
      hi = value(expr, spec, b);
      if (hi < lo) throw bad(expr, `range "${range}" in the ${spec.name} field runs backwards`);
    } else {
      lo = value(expr, spec, range);
      hi = stepText === undefined ? lo : spec.max;
    }
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

/**
 * Parses a standard five-field cron expression (`minute hour day-of-month month day-of-week`) with `*`, lists
 * (`1,15`), ranges (`1-5`), steps (`*\/15`, `0-30/10`) and names (`mon`, `jan`). Day of week accepts 0–7 (0 and 7 are
 * Sunday). Throws `SCHEDULE_BAD_CRON` for anything else (seconds fields, `L`, `W`, `#`, `?`, macros like `@daily`), and
 * `SCHEDULE_CRON_DOM_AND_DOW` when both day fields are restricted: classic cron runs when *either* matches, node-cron 4
 * when *both* do (TECH-NOTES), so Ballast refuses the ambiguity.
 */
export function parseCronExpression(expr: string): CronExpression {
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 5 || parts[0] === '') throw bad(expr, `expected 5 fields, found ${parts[0] === '' ? 0 : parts.length}`);
  const [minutes, hours, daysOfMonth, months, rawDays] = FIELDS.map((spec, i) => field(expr, spec, parts[i] ?? ''));
  const weekdays = new Set([...(rawDays ?? [])].map((d) => (d === 0 ? 7 : d)));
  const dayOfMonthRestricted = parts[2] !== '*';
  const weekdayRestricted = parts[4] !== '*';
  if (dayOfMonthRestricted && weekdayRestricted) {
    throw new ScheduleError('SCHEDULE_CRON_DOM_AND_DOW', 'cron',
      `cron "${expr}" restricts both day of month and day of week, which cron implementations read differently`,
      'keep one of them as "*" (or use a named frequency such as "monthly on last_trading_day at 15:10")');
  }
  return {
    source: expr.trim(),
    minutes: minutes ?? new Set(),
    hours: hours ?? new Set(),
    daysOfMonth: daysOfMonth ?? new Set(),
    months: months ?? new Set(),
    weekdays,
    dayOfMonthRestricted,
    weekdayRestricted,
  };
}
