import { scheduleOverview } from '../../serve/schedule-overview.js';
import { Store } from '../../store/store.js';
import { formatDiagnostic } from '../../policy/diagnostic.js';
import type { CliIo } from '../cli-io.js';
import { dataDir } from '../data-dir.js';
import { EXIT } from '../exit-codes.js';
import { formatScheduleRows } from '../../text/format-schedule-rows.js';
import { userZone } from '../user-zone.js';
import { loadActivePolicies } from './load-active-policies.js';

/** Options of `ballast next`. */
export interface NextOptions {
  readonly policies: string;
  readonly dataDir?: string;
  /** The user's IANA zone for the second column; default `$TZ`, else the machine's zone. */
  readonly tz?: string;
  readonly json: boolean;
}

/**
 * `ballast next`: the last recorded and the next run of every schedule of every valid policy, in the policy's time
 * zone and the user's. Reads the database without writing it, so it can run while `ballast serve` does.
 * Exit 1 when a policy is invalid (it is listed with its diagnostics).
 */
export async function nextCommand(options: NextOptions, io: CliIo): Promise<number> {
  const zone = userZone(io, options.tz);
  const { active, invalid } = await loadActivePolicies(options.policies, io);
  const store = await Store.open(dataDir(io, options.dataDir));
  const rows = await scheduleOverview(active, store, io.now());
  if (options.json) {
    io.stdout(JSON.stringify({ now: io.now().toISOString(), userZone: zone, schedules: rows, invalid }, null, 2));
  } else {
    io.stdout(formatScheduleRows(rows, zone));
    for (const bad of invalid) io.stderr(`${bad.file} is invalid and not scheduled:\n${bad.diagnostics.map((d) => formatDiagnostic(d)).join('\n')}`);
  }
  return invalid.length === 0 ? EXIT.ok : EXIT.problems;
}
