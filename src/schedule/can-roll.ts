import type { Schedule } from './schedule.js';

/**
 * True when the schedule's pattern can name a date that is not a session of the policy calendar, so its `roll`
 * applies: never without a calendar or with `roll: none`, nor for patterns that only ever name sessions (`daily`,
 * `every N trading days`, `monthly`/`quarterly` on a first or last trading day).
 */
export function canRoll(schedule: Schedule): boolean {
  const p = schedule.pattern;
  if (!schedule.calendar || schedule.roll === 'none') return false;
  if (p.kind === 'daily' || p.kind === 'every_trading_days') return false;
  if ((p.kind === 'monthly' || p.kind === 'quarterly') && typeof p.day === 'string') return false;
  return true;
}
