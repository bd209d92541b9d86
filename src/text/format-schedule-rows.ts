import { DateTime } from 'luxon';
import type { ScheduleRow } from '../serve/schedule-overview.js';
import { startedBy } from './format-history.js';

/** `2026-11-23 16:30 EST` in `zone`. */
export function formatInZone(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat('yyyy-MM-dd HH:mm ZZZZ');
}

/**
 * Prints `ballast next`: per schedule its last run (its latest slot, or the policy's latest run by `ballast run` or
 * `ballast evaluate` when that is more recent: those evaluate every rule) and its next slot, in the policy's zone and,
 * when it differs, the user's zone (`userZone`).
 */
export function formatScheduleRows(rows: readonly ScheduleRow[], userZone: string): string {
  if (rows.length === 0) return 'no schedules: add `schedules:` to a policy (see README, "Running by itself")';
  const both = (iso: string, zone: string): string => {
    const local = formatInZone(iso, zone);
    const mine = formatInZone(iso, userZone);
    return local === mine ? local : `${local} (your time ${mine})`;
  };
  const lines: string[] = [];
  for (const row of rows) {
    lines.push(`${row.policyId}  ${row.scheduleId}  "${row.text}"  runs [${row.runs.join(', ')}]  · ${row.file} @ ${row.revision}`);
    const last = row.lastRun;
    const other = row.lastOtherRun;
    if (other !== undefined && (last === undefined || other.at > last.at)) {
      lines.push(`  last: ${both(other.at, row.timeZone)}  ${other.runId} by ballast ${startedBy(other.initiator)}`);
    } else {
      lines.push(`  last: ${last ? `${both(last.at, row.timeZone)}  ${last.state === 'started' ? 'interrupted' : last.state}${last.runId ? ` ${last.runId}` : ''}${last.reason === 'caught_up' ? ' (caught up)' : ''}` : 'never'}`);
    }
    lines.push(`  next: ${row.nextSlot ? `${both(row.nextSlot.at, row.timeZone)}${row.nextSlot.rolledFrom ? ` (rolled from ${row.nextSlot.rolledFrom})` : ''}` : 'none in the calendar range'}`);
  }
  return lines.join('\n');
}
