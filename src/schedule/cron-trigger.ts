import { canRoll } from './can-roll.js';
import type { Schedule } from './schedule.js';

/**
 * The recurring wake-up of one schedule in `ballast serve`: a named cron task (node-cron's dialect) in the policy's
 * zone. It fires at every wall time a slot of the schedule can have; whether a fire has a slot is Ballast's to decide
 * (the slot ledger, the calendar, the roll, biweekly parity and anchors).
 */
export interface CronTrigger {
  /** `policyId/scheduleId`, e.g. `shorgan-bot/daily_guards`: the task's name in node-cron and in logs. */
  readonly name: string;
  /** Five cron fields, e.g. `30 16 * * *`. */
  readonly cron: string;
  /** IANA zone the wall times are in (the policy's). */
  readonly timeZone: string;
}

/**
 * The {@link CronTrigger} of a schedule. A cron schedule whose slots never move keeps its own expression, so the
 * task is exactly what the policy says; every other schedule fires daily at its wall times (`30 16 * * *` for
 * "weekly on friday at 16:30", or a cron's minute and hour fields when a roll can move its slots to another day), and
 * the slot computation decides which of those fires is a slot. Pure.
 */
export function cronTrigger(schedule: Schedule): CronTrigger {
  const p = schedule.pattern;
  let cron: string;
  if (p.kind === 'cron') cron = canRoll(schedule) ? `${p.cron.fields[0]} ${p.cron.fields[1]} * * *` : p.cron.source;
  else cron = `${p.at.minute} ${p.at.hour} * * *`;
  return { name: `${schedule.policyId}/${schedule.id}`, cron, timeZone: schedule.timeZone };
}
