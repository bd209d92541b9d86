import { join } from 'node:path';
import { LOCK_FILE, processIsAlive, readOwner } from '../../store/lock-file.js';
import { Store } from '../../store/store.js';
import { formatDiagnostic } from '../../policy/diagnostic.js';
import type { CliIo } from '../cli-io.js';
import { dataDir } from '../data-dir.js';
import { EXIT } from '../exit-codes.js';
import { formatInZone } from '../format/format-schedule-rows.js';
import { loadActivePolicies } from './load-active-policies.js';

/** Options of `ballast status`. */
export interface StatusOptions {
  readonly policies: string;
  readonly dataDir?: string;
  readonly json: boolean;
  /** How many recent scheduled slots to list; default 10. */
  readonly limit?: number;
}

/**
 * `ballast status`: whether `ballast serve` is running (from its lock file), which policies are valid and scheduled,
 * and the most recent scheduled slots with their state (`finished`, `failed`, `interrupted`). Reads only.
 */
export async function statusCommand(options: StatusOptions, io: CliIo): Promise<number> {
  const dir = dataDir(io, options.dataDir);
  const owner = await readOwner(join(dir, LOCK_FILE));
  const running = owner !== undefined && processIsAlive(owner.pid);
  const { active, invalid } = await loadActivePolicies(options.policies, io);
  const store = await Store.open(dir);
  const slots = store.listSlots().slice(-(options.limit ?? 10));
  if (options.json) {
    io.stdout(JSON.stringify({ serve: { running, owner }, database: store.location, policies: active.map((a) => ({ id: a.policy.id, file: a.loaded.file, revision: a.loaded.revision, schedules: a.schedules.map((s) => s.id) })), invalid, slots }, null, 2));
    return invalid.length === 0 ? EXIT.ok : EXIT.problems;
  }
  io.stdout(running ? `ballast serve is running (pid ${owner.pid} on ${owner.host}, since ${owner.startedAt})` : `ballast serve is not running${owner ? ` (stale lock of pid ${owner.pid})` : ''}`);
  io.stdout(`database: ${store.location} · ${store.listRuns().length} runs`);
  for (const a of active) io.stdout(`policy ${a.policy.id} · ${a.loaded.file} @ ${a.loaded.revision.revision} · ${a.schedules.length ? a.schedules.map((s) => s.id).join(', ') : 'no schedules'}`);
  for (const bad of invalid) io.stdout(`policy ${bad.file} INVALID: ${bad.diagnostics.map((d) => formatDiagnostic(d)).join('; ')}`);
  if (slots.length) io.stdout('recent slots:');
  for (const s of slots) {
    const zone = active.find((a) => a.policy.id === s.policyId)?.policy.time_zone ?? 'UTC';
    io.stdout(`  ${formatInZone(s.at, zone)}  ${s.policyId}/${s.scheduleId}  ${s.state === 'started' ? 'interrupted' : s.state}${s.runId ? ` ${s.runId}` : ''}${s.error ? `: ${s.error}` : ''} · ${s.revision.file} @ ${s.revision.revision}`);
  }
  return invalid.length === 0 ? EXIT.ok : EXIT.problems;
}
