import { join } from 'node:path';
import { inspectLock, LOCK_FILE } from '../../store/lock-file.js';
import { Store } from '../../store/store.js';
import { formatDiagnostic } from '../../policy/diagnostic.js';
import type { CliIo } from '../cli-io.js';
import { dataDir } from '../data-dir.js';
import { EXIT } from '../exit-codes.js';
import { formatLock } from '../../text/format-lock.js';
import { formatInZone } from '../../text/format-schedule-rows.js';
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
 * `ballast status`: whether `ballast serve` is running and what holds the database lock (from the lock file, checked:
 * a lock of a process that ended or of a pid now used by another program is called stale, and only a verified owner
 * is ever suggested to be stopped), which policies are valid and scheduled, and the most recent scheduled slots with
 * their state (`finished`, `failed`, `interrupted`). Reads only.
 */
export async function statusCommand(options: StatusOptions, io: CliIo): Promise<number> {
  const dir = dataDir(io, options.dataDir);
  const lock = await inspectLock(join(dir, LOCK_FILE));
  const owner = lock?.verdict === 'live' ? lock.owner : undefined;
  const running = owner?.command === 'serve';
  const { active, invalid } = await loadActivePolicies(options.policies, io);
  const store = await Store.open(dir);
  const slots = store.listSlots().slice(-(options.limit ?? 10));
  if (options.json) {
    io.stdout(JSON.stringify({ serve: { running, ...(running ? { owner } : {}) }, lock: lock && { verdict: lock.verdict, reason: lock.reason, owner: lock.owner, heartbeatAgeMs: lock.heartbeatAgeMs, file: lock.file }, database: store.location, policies: active.map((a) => ({ id: a.policy.id, file: a.loaded.file, revision: a.loaded.revision, schedules: a.schedules.map((s) => s.id) })), invalid, slots }, null, 2));
    return invalid.length === 0 ? EXIT.ok : EXIT.problems;
  }
  io.stdout(running ? `ballast serve is running (pid ${owner.pid} on ${owner.host}, since ${owner.startedAt})` : 'ballast serve is not running');
  io.stdout(formatLock(lock));
  io.stdout(`database: ${store.location} · ${(await store.countRuns()).toLocaleString('en-US')} runs`);
  for (const a of active) io.stdout(`policy ${a.policy.id} · ${a.loaded.file} @ ${a.loaded.revision.revision} · ${a.schedules.length ? a.schedules.map((s) => s.id).join(', ') : 'no schedules'}`);
  for (const bad of invalid) io.stdout(`policy ${bad.file} INVALID: ${bad.diagnostics.map((d) => formatDiagnostic(d)).join('; ')}`);
  if (slots.length) io.stdout('recent slots:');
  for (const s of slots) {
    const zone = active.find((a) => a.policy.id === s.policyId)?.policy.time_zone ?? 'UTC';
    io.stdout(`  ${formatInZone(s.at, zone)}  ${s.policyId}/${s.scheduleId}  ${s.state === 'started' ? 'interrupted' : s.state}${s.runId ? ` ${s.runId}` : ''}${s.error ? `: ${s.error}` : ''} · ${s.revision.file} @ ${s.revision.revision}`);
  }
  return invalid.length === 0 ? EXIT.ok : EXIT.problems;
}
