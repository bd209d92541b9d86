import { parseIsoDate } from '../time/iso-date.js';
import { parseCronExpression } from './cron-expression.js';
import type { MonthDay, SchedulePattern, TimeOfDay } from './schedule.js';
import { ScheduleError } from '../errors.js';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** The forms `when` understands, listed in error messages. */
export const whenForms: readonly string[] = [
  'daily at 16:30',
  'weekly on saturday at 11:55',
  'biweekly on friday at 15:10',
  'monthly on last_trading_day at 15:10',
  'quarterly on last_trading_day at 15:10',
  'every 14 days at 15:10 (with anchor)',
  'every 5 trading days at 15:10 (with anchor)',
];

function unknown(text: string, path: string): ScheduleError {
  return new ScheduleError('SCHEDULE_UNKNOWN_FORM', path,
    `"${text}" is not a schedule Ballast understands.`, `Write one of: ${whenForms.map((f) => `"${f}"`).join(', ')}, or use cron: "30 16 * * 1-5".`);
}

function parseTime(text: string, whole: string, path: string): TimeOfDay {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  const hour = m ? Number(m[1]) : NaN;
  const minute = m ? Number(m[2]) : NaN;
  if (!(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59)) {
    throw new ScheduleError('SCHEDULE_BAD_TIME', path,
      `"${text}" in "${whole}" is not a time of day`, 'write 24-hour HH:MM, e.g. "16:30" for 4:30 pm');
  }
  return { hour, minute };
}

function parseWeekday(text: string, whole: string, path: string): number {
  const i = WEEKDAYS.findIndex((d) => d === text || d.slice(0, 3) === text);
  if (i < 0) {
    throw new ScheduleError('SCHEDULE_BAD_WEEKDAY', path,
      `"${text}" in "${whole}" is not a weekday`, `write one of ${WEEKDAYS.join(', ')}`);
  }
  return i + 1;
}

function parseMonthDay(text: string | undefined, whole: string, path: string): MonthDay {
  if (text === undefined) return 'last_trading_day';
  const t = text.replace(/\s+/g, '_');
  if (t === 'last_trading_day' || t === 'first_trading_day') return t;
  const n = /^\d{1,2}$/.test(t) ? Number(t) : NaN;
  if (!(n >= 1 && n <= 31)) {
    throw new ScheduleError('SCHEDULE_BAD_DAY', path,
      `"${text}" in "${whole}" is not a day of the month`, "write last_trading_day, first_trading_day or a day 1–31 (31 means the month's last day)");
  }
  return n;
}

function parseCount(text: string, whole: string, path: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 366) {
    throw new ScheduleError('SCHEDULE_BAD_INTERVAL', path, `"${text}" in "${whole}" is not an interval`, 'write a whole number from 1 to 366');
  }
  return n;
}

function requireAnchor(anchor: string | undefined, whole: string): string {
  if (anchor === undefined) {
    throw new ScheduleError('SCHEDULE_ANCHOR_REQUIRED', 'anchor',
      `"${whole}" counts from a start date`, 'add anchor: YYYY-MM-DD (the first date it runs), e.g. anchor: 2026-01-05');
  }
  return anchor;
}

/**
 * Parses a `when` phrase (case-insensitive, extra spaces ignored) into a {@link SchedulePattern}; a text of five cron
 * fields is parsed as cron. `anchor` is the entry's `anchor` (already checked to be `YYYY-MM-DD`), needed by
 * `every N days` / `every N trading days` and optional for `biweekly`. `path` names the key for errors (`when`).
 * Throws {@link ScheduleError} (`SCHEDULE_UNKNOWN_FORM`, `SCHEDULE_TIME_REQUIRED`, `SCHEDULE_BAD_TIME`, …) saying what
 * to write instead.
 */
export function parseWhen(text: string, anchor: string | undefined, path: string): SchedulePattern {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const tokens = t.split(' ');
  if (tokens.length === 5 && /^[\d*]/.test(tokens[0] ?? '')) {
    return { kind: 'cron', cron: parseCronExpression(text, path) };
  }
  const atMatch = / at (\S+)$/.exec(t);
  const head = atMatch ? t.slice(0, atMatch.index) : t;
  const at = atMatch ? (s: string) => parseTime(atMatch[1] ?? '', s, path) : undefined;
  const needAt = (example: string): ((s: string) => TimeOfDay) => {
    if (at) return at;
    throw new ScheduleError('SCHEDULE_TIME_REQUIRED', path, `"${text}" needs a time of day`, `write "${example}"`);
  };

  if (head === 'daily') return { kind: 'daily', at: needAt('daily at 16:30')(text) };
  let m = /^(weekly|biweekly) on ([a-z]+)$/.exec(head);
  if (m) {
    const weekday = parseWeekday(m[2] ?? '', text, path);
    const time = needAt(`${m[1]} on ${m[2]} at 11:55`)(text);
    return m[1] === 'weekly'
      ? { kind: 'weekly', weekday, at: time }
      : { kind: 'biweekly', weekday, at: time, anchor };
  }
  m = /^(monthly|quarterly)(?: on (.+))?$/.exec(head);
  if (m) {
    const day = parseMonthDay(m[2], text, path);
    const time = needAt(`${m[1]} on ${m[2] ?? 'last_trading_day'} at 15:10`)(text);
    return { kind: m[1] === 'monthly' ? 'monthly' : 'quarterly', day, at: time };
  }
  m = /^every (\d+) (trading days|trading day|days|day)$/.exec(head);
  if (m) {
    const n = parseCount(m[1] ?? '', text, path);
    const trading = (m[2] ?? '').startsWith('trading');
    const time = needAt(`every ${n} ${trading ? 'trading ' : ''}days at 15:10`)(text);
    const a = requireAnchor(anchor, text);
    return trading
      ? { kind: 'every_trading_days', sessions: n, anchor: a, at: time }
      : { kind: 'every_days', days: n, anchor: a, at: time };
  }
  throw unknown(text, path);
}

/** True when `text` is a real `YYYY-MM-DD` date. */
export function isAnchorDate(text: unknown): text is string {
  return typeof text === 'string' && parseIsoDate(text) !== undefined;
}
