import { formatSlotInstant, toEpochMs, type InstantInput } from './instant.js';
import type { Schedule, Slot } from './schedule.js';
import { ScheduleError } from '../errors.js';
import { initialSpanDays, MAX_SEARCH_DAYS } from './search-span.js';
import { slotsBetween } from './slots-between.js';

const DAY_MS = 86_400_000;

/**
 * The last slot of `schedule` at or before `atOrBefore` (a slot exactly at that instant counts). Searches backward in
 * growing windows; throws `CALENDAR_OUT_OF_RANGE` when it runs before the calendar's covered years, and
 * `SCHEDULE_NO_SLOT` when no slot exists within the 20 years before.
 */
export function previousSlot(schedule: Schedule, atOrBefore: InstantInput): Slot {
  const end = toEpochMs(atOrBefore, 'atOrBefore');
  let cursor = end;
  let span = initialSpanDays(schedule.pattern);
  while (end - cursor < MAX_SEARCH_DAYS * DAY_MS) {
    const start = cursor - span * DAY_MS;
    const slots = slotsBetween(schedule, new Date(start), new Date(cursor));
    const found = slots[slots.length - 1];
    if (found) return found;
    cursor = start;
    span *= 2;
  }
  throw new ScheduleError('SCHEDULE_NO_SLOT', '',
    `Schedule "${schedule.id}" (${schedule.text}) has no slot in the 20 years before ${formatSlotInstant(end)}`, 'check its day fields',
    { scheduleId: schedule.id });
}
