import { formatSlotInstant, toEpochMs, type InstantInput } from './instant.js';
import type { Schedule, Slot } from './schedule.js';
import { ScheduleError } from '../errors.js';
import { initialSpanDays, MAX_SEARCH_DAYS } from './search-span.js';
import { slotsBetween } from './slots-between.js';

const DAY_MS = 86_400_000;

/**
 * The first slot of `schedule` strictly after `after`. Searches forward in growing windows; throws
 * `CALENDAR_OUT_OF_RANGE` when it runs past the calendar's covered years, and `SCHEDULE_NO_SLOT` when no slot exists
 * within 20 years (e.g. cron `0 0 L-29 2 *`).
 */
export function nextSlot(schedule: Schedule, after: InstantInput): Slot {
  const start = toEpochMs(after, 'after');
  let cursor = start;
  let span = initialSpanDays(schedule.pattern);
  while (cursor - start < MAX_SEARCH_DAYS * DAY_MS) {
    const end = cursor + span * DAY_MS;
    const found = slotsBetween(schedule, new Date(cursor), new Date(end))[0];
    if (found) return found;
    cursor = end;
    span *= 2;
  }
  throw new ScheduleError('SCHEDULE_NO_SLOT', '',
    `Schedule "${schedule.id}" (${schedule.text}) has no slot in the 20 years after ${formatSlotInstant(start)}`, 'check its day fields',
    { scheduleId: schedule.id });
}
