import { UsageError } from '../errors.js';
import { requireTimeZone, timeZoneProblem } from '../time/time-zone.js';
import type { CliIo } from './cli-io.js';

/**
 * The user's IANA time zone: `tz` (the `--tz` option) when given, else `$TZ` when set (a path such as
 * `:/etc/localtime` means the machine's zone), else the machine's zone.
 * Throws `UsageError` (exit 2) with a did-you-mean when `--tz` is not an IANA name, and `INVALID_TIME_ZONE`, naming
 * the variable, when `$TZ` is not one.
 */
export function userZone(io: CliIo, tz?: string): string {
  if (tz !== undefined) {
    const wrong = timeZoneProblem(tz, '--tz');
    if (wrong !== undefined) throw new UsageError(wrong.problem, wrong.action);
    return tz;
  }
  // `TZ=:/etc/localtime` (a POSIX path form) means the machine's zone.
  const fromEnv = io.env.TZ?.trim().replace(/^:/, '');
  if (fromEnv && !fromEnv.startsWith('/')) return requireTimeZone(fromEnv, 'TZ');
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
