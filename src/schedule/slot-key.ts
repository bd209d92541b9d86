import { ScheduleError } from '../errors.js';

/**
 * The stable key of one slot: `policyId/scheduleId/instant`, the instant in canonical form (ISO 8601 UTC, no
 * milliseconds, e.g. `ballast-core/daily_guards/2026-03-09T20:30:00Z`). The store records it when a slot has run; the
 * same slot always yields the same key, whatever the zone or clock of the machine.
 */
export function slotKey(policyId: string, scheduleId: string, at: string): string {
  return `${policyId}/${scheduleId}/${at}`;
}

/** The parts of a slot key. */
export interface SlotKeyParts {
  readonly policyId: string;
  readonly scheduleId: string;
  /** Canonical instant text, e.g. `2026-03-09T20:30:00Z`. */
  readonly at: string;
}

/**
 * Splits a slot key made by {@link slotKey}. The policy id may itself contain `/`; the schedule id and instant never
 * do. Throws `SCHEDULE_BAD_SLOT_KEY` for text of another shape.
 */
export function parseSlotKey(key: string): SlotKeyParts {
  const last = key.lastIndexOf('/');
  const middle = last > 0 ? key.lastIndexOf('/', last - 1) : -1;
  const at = key.slice(last + 1);
  if (middle <= 0 || last - middle < 2 || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(at)) {
    throw new ScheduleError('SCHEDULE_BAD_SLOT_KEY', '', `"${key}" is not a slot key`, 'write policyId/scheduleId/2026-03-09T20:30:00Z');
  }
  return { policyId: key.slice(0, middle), scheduleId: key.slice(middle + 1, last), at };
}
