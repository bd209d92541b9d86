import { addDays, daysBetween, isoWeek, isoWeekday, lastDayOfMonth } from '../time/iso-date.js';
import { canRoll } from './can-roll.js';
import { localIsoTime } from '../time/zone-offset.js';
import { formatSlotInstant, toEpochMs, type InstantInput } from './instant.js';
import type { MonthDay, Schedule, Slot, TimeOfDay } from './schedule.js';
import { slotKey } from './slot-key.js';
import { localDate } from '../time/zone-offset.js';
import { wallTimeToInstant } from './wall-time.js';

/** Days a roll can move a slot at most (longest run of closed days in the bundled calendars is 6). */
const ROLL_PAD_DAYS = 10;

interface Nominal {
  readonly date: string;
  readonly at: TimeOfDay;
}

function isSession(schedule: Schedule, date: string): boolean {
  return schedule.calendar ? schedule.calendar.isSession(date) : true;
}

function monthDayDate(schedule: Schedule, date: string, day: MonthDay, memo: Map<string, string>): string {
  const ym = date.slice(0, 7);
  const key = `${ym}:${day}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const [y, m] = [Number(ym.slice(0, 4)), Number(ym.slice(5, 7))];
  const last = lastDayOfMonth(y, m);
  let d: string;
  if (day === 'last_trading_day') {
    d = last;
    while (!isSession(schedule, d)) d = addDays(d, -1);
  } else if (day === 'first_trading_day') {
    d = `${ym}-01`;
    while (!isSession(schedule, d)) d = addDays(d, 1);
  } else {
    d = day > Number(last.slice(8)) ? last : `${ym}-${String(day).padStart(2, '0')}`;
  }
  memo.set(key, d);
  return d;
}

/** Session index of `date` relative to the anchor session (anchor = 0), walking the calendar. */
function sessionIndex(schedule: Schedule, anchor: string, date: string): number {
  let n = 0;
  if (date >= anchor) {
    for (let d = addDays(anchor, 1); d <= date; d = addDays(d, 1)) if (isSession(schedule, d)) n++;
  } else {
    for (let d = anchor; d > date; d = addDays(d, -1)) if (isSession(schedule, d)) n--;
  }
  return n;
}

const mod = (a: number, n: number): number => ((a % n) + n) % n;

/** The pattern's nominal (date, time) pairs for local dates `start..end` inclusive, before rolling. */
function nominalSlots(schedule: Schedule, start: string, end: string): Nominal[] {
  const p = schedule.pattern;
  const out: Nominal[] = [];
  const memo = new Map<string, string>();
  let tradingIndex = p.kind === 'every_trading_days' ? sessionIndex(schedule, p.anchor, addDays(start, -1)) : 0;
  for (let d = start; d <= end; d = addDays(d, 1)) {
    switch (p.kind) {
      case 'daily':
        if (isSession(schedule, d)) out.push({ date: d, at: p.at });
        break;
      case 'weekly':
        if (isoWeekday(d) === p.weekday) out.push({ date: d, at: p.at });
        break;
      case 'biweekly':
        if (isoWeekday(d) === p.weekday) {
          const even = p.anchor === undefined
            ? isoWeek(d).week % 2 === 0
            : mod(daysBetween(addDays(p.anchor, 1 - isoWeekday(p.anchor)), d), 14) < 7;
          if (even) out.push({ date: d, at: p.at });
        }
        break;
      case 'monthly':
      case 'quarterly':
        if ((p.kind === 'monthly' || Number(d.slice(5, 7)) % 3 === 0) && monthDayDate(schedule, d, p.day, memo) === d) {
          out.push({ date: d, at: p.at });
        }
        break;
      case 'every_days':
        if (mod(daysBetween(p.anchor, d), p.days) === 0) out.push({ date: d, at: p.at });
        break;
      case 'every_trading_days':
        if (isSession(schedule, d)) {
          tradingIndex++;
          if (mod(tradingIndex, p.sessions) === 0) out.push({ date: d, at: p.at });
        }
        break;
      case 'cron': {
        const c = p.cron;
        if (!c.matchesDate(d)) break;
        for (const hour of c.hours) {
          for (const minute of c.minutes) out.push({ date: d, at: { hour, minute } });
        }
        break;
      }
    }
  }
  return out;
}

/**
 * All slots of `schedule` with `from < slot ≤ to` (start exclusive, end inclusive, so consecutive windows never
 * double-count a slot), in time order, without duplicates. Slot dates are local dates in the schedule's time zone and
 * are looked up in the policy calendar as they are. A slot on a non-session is moved by `roll` (`next`/`previous`
 * session at the same wall time, or dropped with `skip`); a roll that lands on another slot's instant yields one slot.
 * DST follows {@link wallTimeToInstant}. Throws `SCHEDULE_BAD_INSTANT` for bad bounds and `CALENDAR_OUT_OF_RANGE` (a
 * `CalendarError`) when the window needs calendar years that are not covered. Returns `[]` when `to ≤ from`.
 */
export function slotsBetween(schedule: Schedule, from: InstantInput, to: InstantInput): Slot[] {
  const fromMs = toEpochMs(from, 'from');
  const toMs = toEpochMs(to, 'to');
  if (toMs <= fromMs) return [];
  const zone = schedule.timeZone;
  const rolling = canRoll(schedule);
  const start = addDays(localDate(fromMs, zone), rolling && schedule.roll === 'next' ? -ROLL_PAD_DAYS : 0);
  const end = addDays(localDate(toMs, zone), rolling && schedule.roll === 'previous' ? ROLL_PAD_DAYS : 0);
  const byMs = new Map<number, Slot>();
  for (const n of nominalSlots(schedule, start, end)) {
    let date = n.date;
    if (rolling && schedule.calendar && !schedule.calendar.isSession(date)) {
      if (schedule.roll === 'skip') continue;
      date = schedule.roll === 'next' ? schedule.calendar.nextSession(date) : schedule.calendar.previousSession(date);
    }
    const wall = wallTimeToInstant(date, n.at, zone);
    if (wall.epochMs <= fromMs || wall.epochMs > toMs) continue;
    // A rolled slot landing on another slot's instant is the same run; keep the one the pattern named directly.
    if (byMs.has(wall.epochMs) && (date !== n.date || byMs.get(wall.epochMs)?.rolledFrom === undefined)) continue;
    const at = formatSlotInstant(wall.epochMs);
    byMs.set(wall.epochMs, {
      key: slotKey(schedule.policyId, schedule.id, at),
      policyId: schedule.policyId,
      scheduleId: schedule.id,
      at,
      localTime: localIsoTime(wall.epochMs, zone),
      date,
      rolledFrom: date === n.date ? undefined : n.date,
      dst: wall.dst,
      runs: schedule.runs,
    });
  }
  return [...byMs.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => s);
}
