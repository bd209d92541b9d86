import type { CliIo } from './cli-io.js';

/** The user's IANA time zone: `$TZ` when set, else the machine's zone. */
export function userZone(io: CliIo): string {
  return io.env.TZ?.trim() || Intl.DateTimeFormat().resolvedOptions().timeZone;
}
