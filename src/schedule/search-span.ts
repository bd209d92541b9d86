import type { SchedulePattern } from './schedule.js';

/** Longest stretch `nextSlot`/`previousSlot` search before giving up with `SCHEDULE_NO_SLOT`: 20 years in days. */
export const MAX_SEARCH_DAYS = 20 * 366;

/** First search window in days for a pattern, about three periods; the search doubles it until a slot is found. */
export function initialSpanDays(pattern: SchedulePattern): number {
  switch (pattern.kind) {
    case 'daily':
    case 'cron':
      return 7;
    case 'weekly':
      return 21;
    case 'biweekly':
      return 42;
    case 'monthly':
      return 93;
    case 'quarterly':
      return 190;
    case 'every_days':
      return pattern.days * 3 + 7;
    case 'every_trading_days':
      return pattern.sessions * 3 + 14;
  }
}
