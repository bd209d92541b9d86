import { IANAZone } from 'luxon';
import type { ExchangeCalendar } from '../market/calendars/exchange-calendar.js';
import { getCalendar } from '../market/calendars/get-calendar.js';
import { parseCronExpression } from './cron-expression.js';
import { isAnchorDate, parseWhen } from './parse-when.js';
import type { CatchUpRule, RollRule, Schedule, SchedulePattern } from './schedule.js';
import { ScheduleError } from '../errors.js';
import { didYouMean } from '../util/did-you-mean.js';

/**
 * One schedule entry as written in a policy (YAML-friendly). Exactly one of `when`, `cron` or `every` says when it
 * fires; see `schemas/schedule.schema.json` for every key, its unit and its default.
 */
export interface ScheduleSpecObject {
  readonly id?: string;
  readonly description?: string;
  readonly when?: string;
  readonly cron?: string;
  readonly every?: string;
  readonly at?: string;
  readonly anchor?: string;
  readonly runs?: readonly string[];
  readonly roll?: string;
  readonly catch_up?: string;
}

/** A schedule entry: a `when` phrase or cron text on its own (id derived from it, runs `[all]`), or an object. */
export type ScheduleSpec = string | ScheduleSpecObject;

/** What the parser needs from the policy around the entry. */
export interface ScheduleContext {
  /** Id of the owning policy (first part of slot keys). */
  readonly policyId: string;
  /** IANA time zone of the policy, e.g. `America/New_York`; wall times in the entry are read in it. */
  readonly timeZone: string;
  /** Session calendar code (`XNYS`, `XNSE`) or calendar; omit for a market that trades every day. */
  readonly calendar?: string | ExchangeCalendar;
  /** When given, every name in `runs` (other than `all`) must be one of these. */
  readonly knownRuns?: readonly string[];
}

const KEYS = new Set(['id', 'description', 'when', 'cron', 'every', 'at', 'anchor', 'runs', 'roll', 'catch_up']);
const ROLLS: readonly RollRule[] = ['next', 'previous', 'skip', 'none'];
const CATCH_UPS: readonly CatchUpRule[] = ['latest', 'none'];
const ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
/** A name in `runs`: what a custom rule id may be (`schemas/policy.schema.json`, `customRule.id`), so every rule can be scheduled. */
const RUN = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Derives a schedule id from its text: `daily at 16:30` → `daily_at_16_30`, `30 16 * * 1-5` → `30_16_any_any_1_5`. */
export function deriveScheduleId(text: string): string {
  return text.toLowerCase().replace(/\*/g, 'any').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 64);
}

function resolveCalendar(calendar: ScheduleContext['calendar']): ExchangeCalendar | undefined {
  if (calendar === undefined || typeof calendar !== 'string') return calendar;
  try {
    return getCalendar(calendar);
  } catch (cause) {
    throw new ScheduleError('SCHEDULE_BAD_CALENDAR', 'calendar',
      `Unknown calendar "${calendar}"`, 'write calendar: XNYS (NYSE) or calendar: XNSE (NSE India), or leave it out for a market that trades every day',
      { cause });
  }
}

function namedWeekdays(pattern: SchedulePattern): readonly number[] | undefined {
  if (pattern.kind === 'weekly' || pattern.kind === 'biweekly') return [pattern.weekday];
  if (pattern.kind === 'cron' && pattern.cron.weekdayRestricted) return pattern.cron.weekdays;
  return undefined;
}

function resolveRoll(raw: unknown, pattern: SchedulePattern, calendar: ExchangeCalendar | undefined, text: string, id: string): RollRule {
  if (raw !== undefined && !ROLLS.includes(raw as RollRule)) {
    throw new ScheduleError('SCHEDULE_BAD_ROLL', 'roll', `roll: ${String(raw)} is not allowed`, 'write roll: next, previous, skip or none', { scheduleId: id });
  }
  const named = namedWeekdays(pattern);
  const weekendOnly = calendar !== undefined && named !== undefined && named.length > 0
    && named.every((d) => calendar.weekendDays.includes(d));
  if (!weekendOnly) return (raw as RollRule | undefined) ?? 'next';
  if (raw === undefined || raw === 'none') return 'none';
  const day = DAY_NAMES[(named?.[0] ?? 1) - 1] ?? 'monday';
  throw new ScheduleError('SCHEDULE_ROLL_ALWAYS_MOVES', 'roll',
    `"${text}" only names ${calendar?.code} weekend days, so roll: ${String(raw)} would move or drop every slot`,
    `remove roll (it then runs on ${day} as written) or name a trading weekday, e.g. "weekly on monday at 09:00"`,
    { scheduleId: id });
}

function checkRuns(raw: unknown, knownRuns: readonly string[] | undefined, id: string): readonly string[] {
  if (raw === undefined) return ['all'];
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new ScheduleError('SCHEDULE_BAD_RUNS', 'runs', 'runs is empty or not a list', 'write a non-empty list, e.g. runs: [take_profit, cut_loss] or runs: [all]', { scheduleId: id });
  }
  raw.forEach((r: unknown, i) => {
    if (typeof r !== 'string' || !RUN.test(r)) {
      throw new ScheduleError('SCHEDULE_BAD_RUNS', `runs[${i}]`, `runs[${i}] ${JSON.stringify(r)} is not a section or rule id`, 'write all, a section (exits, rules, rebalance) or a rule id as written in `rules`, e.g. take_profit or slow-bleed', { scheduleId: id });
    }
    if (raw.indexOf(r) !== i) throw new ScheduleError('SCHEDULE_BAD_RUNS', `runs[${i}]`, `runs lists "${r}" twice`, 'list it once', { scheduleId: id });
    if (r === 'all' && raw.length > 1) throw new ScheduleError('SCHEDULE_BAD_RUNS', `runs[${i}]`, 'runs: [all] already runs everything', 'write runs: [all] alone, or list the sections without all', { scheduleId: id });
    if (r !== 'all' && knownRuns && !knownRuns.includes(r)) {
      const guess = didYouMean(r, knownRuns);
      throw new ScheduleError('SCHEDULE_UNKNOWN_RUN', `runs[${i}]`, `runs[${i}] "${r}" is not a section or rule of this policy`,
        guess ? `did you mean \`${guess}\`?` : `use one of: all, ${knownRuns.join(', ')}`, { scheduleId: id });
    }
  });
  return [...(raw as string[])];
}

function checkAnchor(pattern: SchedulePattern, anchor: unknown, calendar: ExchangeCalendar | undefined, id: string): void {
  const uses = pattern.kind === 'biweekly' || pattern.kind === 'every_days' || pattern.kind === 'every_trading_days';
  if (anchor !== undefined && !uses) {
    throw new ScheduleError('SCHEDULE_CONFLICTING_KEYS', 'anchor', 'anchor only applies to "biweekly …", "every N days …" and "every N trading days …"', 'remove it', { scheduleId: id });
  }
  if (pattern.kind !== 'every_trading_days' || calendar === undefined) return;
  let ok: boolean;
  try {
    ok = calendar.isSession(pattern.anchor);
  } catch (cause) {
    throw new ScheduleError('SCHEDULE_BAD_ANCHOR', 'anchor', `anchor ${pattern.anchor} cannot be checked: ${(cause as Error).message}`, 'use an anchor inside the calendar\'s years', { scheduleId: id, cause });
  }
  if (!ok) {
    throw new ScheduleError('SCHEDULE_BAD_ANCHOR', 'anchor',
      `anchor ${pattern.anchor} is not a ${calendar.code} trading day`, `use a session such as ${calendar.nextSession(pattern.anchor)}`, { scheduleId: id });
  }
}

/**
 * Parses one schedule entry into a typed {@link Schedule} for the policy described by `context`.
 *
 * Defaults: `id` derived from the text (see {@link deriveScheduleId}); `runs: [all]`; `roll: next`, except that a
 * schedule naming only weekend days of the calendar (e.g. `weekly on saturday at 11:55` on XNYS) defaults to
 * `roll: none` and runs on that day as written; `catch_up: latest`. Throws {@link ScheduleError} with the key path and
 * a message saying what to write instead (codes in `schedule-error.ts`).
 */
export function parseSchedule(spec: ScheduleSpec, context: ScheduleContext): Schedule {
  if (!IANAZone.isValidZone(context.timeZone)) {
    throw new ScheduleError('SCHEDULE_BAD_ZONE', 'time_zone',
      `"${context.timeZone}" is not an IANA time zone`, 'write one like America/New_York or Asia/Kolkata');
  }
  const calendar = resolveCalendar(context.calendar);
  const obj: ScheduleSpecObject = typeof spec === 'string' ? { when: spec } : spec;
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    throw new ScheduleError('SCHEDULE_BAD_SPEC', '', 'This schedule is neither a text nor an object.', 'Write a text like "daily at 16:30" or an object with id, when (or cron) and runs.');
  }
  for (const key of Object.keys(obj)) {
    if (!KEYS.has(key)) {
      throw new ScheduleError('SCHEDULE_UNKNOWN_KEY', key, `Unknown key "${key}" in a schedule`, `use one of: ${[...KEYS].join(', ')}`);
    }
  }
  const forms = (['when', 'cron', 'every'] as const).filter((k) => obj[k] !== undefined);
  if (forms.length !== 1) {
    throw new ScheduleError(forms.length ? 'SCHEDULE_CONFLICTING_KEYS' : 'SCHEDULE_BAD_SPEC', forms[1] ?? '',
      forms.length ? `The schedule has ${forms.join(' and ')}.` : 'The schedule does not say when it runs.',
      forms.length ? `Use only one of ${forms.join(', ')}.` : 'Write when: "daily at 16:30", cron: "30 16 * * 1-5" or every: 14 days with at: "15:10" and anchor.');
  }
  const form = forms[0] ?? 'when';
  const raw = obj[form];
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw new ScheduleError('SCHEDULE_BAD_SPEC', form, `${form} is not a text`, `write it as a text, e.g. ${form === 'cron' ? '"30 16 * * 1-5"' : '"daily at 16:30"'}`);
  }
  if (obj.at !== undefined && form !== 'every') {
    throw new ScheduleError('SCHEDULE_CONFLICTING_KEYS', 'at', `at goes with every, not with ${form}`, 'put the time in the text, e.g. "daily at 16:30"');
  }
  const text = form === 'every' ? `every ${raw.trim()}${obj.at !== undefined ? ` at ${String(obj.at)}` : ''}` : raw.trim();
  const id = obj.id ?? deriveScheduleId(text);
  if (typeof id !== 'string' || !ID.test(id)) {
    throw new ScheduleError('SCHEDULE_BAD_ID', 'id', `id "${String(id)}" is not a schedule id`, 'use 1–64 lower-case letters, digits, _ or -, e.g. daily_guards');
  }
  if (obj.anchor !== undefined && !isAnchorDate(obj.anchor)) {
    throw new ScheduleError('SCHEDULE_BAD_ANCHOR', 'anchor', `anchor "${String(obj.anchor)}" is not a date`, 'write YYYY-MM-DD, e.g. 2026-01-05', { scheduleId: id });
  }
  let pattern: SchedulePattern;
  try {
    pattern = form === 'cron' ? { kind: 'cron', cron: parseCronExpression(raw) } : parseWhen(text, obj.anchor, form);
  } catch (e) {
    if (e instanceof ScheduleError) throw new ScheduleError(e.code, e.path, e.problem, e.action, { scheduleId: id, cause: e.cause });
    throw e;
  }
  checkAnchor(pattern, obj.anchor, calendar, id);
  const catchUp = obj.catch_up ?? 'latest';
  if (!CATCH_UPS.includes(catchUp as CatchUpRule)) {
    throw new ScheduleError('SCHEDULE_BAD_CATCH_UP', 'catch_up', `catch_up: ${String(catchUp)} is not allowed`, 'write catch_up: latest or catch_up: none', { scheduleId: id });
  }
  return {
    policyId: context.policyId,
    id,
    text,
    pattern,
    runs: checkRuns(obj.runs, context.knownRuns, id),
    timeZone: context.timeZone,
    calendar,
    roll: resolveRoll(obj.roll, pattern, calendar, text, id),
    catchUp: catchUp as CatchUpRule,
  };
}
