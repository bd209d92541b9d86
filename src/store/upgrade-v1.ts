import { constants } from 'node:fs';
import { copyFile, rename, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Refusal } from '../approval/proposal-record.js';
import type { Archive } from './archive/archive.js';
import { runNumber } from './archive/archive.js';
import { DatabaseError } from '../errors.js';
import { DATABASE_VERSION, type HotState } from './hot-state.js';
import { dropSurplus, hotSurplus } from './hot-retention.js';
import { hotStateProblem, isHotState } from './read-database-file.js';
import type { RunRecord } from './run-record.js';

/**
 * Upgrades a version 1 database (everything in one file) to version 2: first copies the file to
 * `ballast.json.v1.<time>.bak` beside it, then moves its runs, refusals and older closed proposals and slots to
 * `archive` (an `archive/` folder left by an upgrade cut off earlier is set aside as `archive.incomplete-<time>`, never
 * deleted) and returns the hot state for the caller to write. Run ids that are not `run-<n>` or repeat an earlier id
 * (written by older versions when `nextRunNumber` was missing) get fresh numbers; `nextRunNumber` is at least one
 * above every run. Throws `DATABASE_DAMAGED` (before writing anything) when the content is not a version 1 database.
 */
export async function upgradeV1(file: string, v1: Record<string, unknown>, archive: Archive, archiveDir: string, now: Date): Promise<HotState> {
  const runs = renumbered(v1Runs(file, v1.runs));
  const highest = Math.max(0, ...runs.map((run) => runNumber(run.id)));
  const stated = typeof v1.nextRunNumber === 'number' && Number.isInteger(v1.nextRunNumber) ? v1.nextRunNumber : 1;
  const hot = {
    version: DATABASE_VERSION,
    nextRunNumber: Math.max(stated, highest + 1),
    accounts: v1.accounts ?? {},
    equity: v1.equity ?? {},
    proposals: v1.proposals ?? [],
    slots: v1.slots ?? {},
    paused: v1.paused ?? {},
    strategies: v1.strategies ?? {},
  };
  if (!isHotState(hot)) throw new DatabaseError('DATABASE_DAMAGED', file, `${file} (version 1) is damaged: ${hotStateProblem()}`, 'restore it from a backup or move it aside to start a new database');
  const stamp = now.toISOString().replaceAll(':', '-');
  await copyFile(file, join(dirname(file), `${basename(file)}.v1.${stamp}.bak`), constants.COPYFILE_EXCL);
  if (await exists(archiveDir)) await rename(archiveDir, `${archiveDir}.incomplete-${stamp}`);
  await archive.appendRuns(runs);
  await archive.appendRefusals(Array.isArray(v1.refusals) ? (v1.refusals as Refusal[]) : []);
  const surplus = hotSurplus(hot);
  await archive.appendProposalRecords(surplus.proposals);
  await archive.appendSlots(surplus.slots);
  dropSurplus(hot, surplus);
  return hot;
}

function v1Runs(file: string, runs: unknown): RunRecord[] {
  if (runs === undefined) return [];
  const valid = Array.isArray(runs) && runs.every((run) => typeof run === 'object' && run !== null &&
    typeof run.id === 'string' && typeof run.evaluatedAt === 'string' && typeof run.policy?.policyId === 'string' &&
    Array.isArray(run.proposals) && typeof run.inputs === 'object' && typeof run.policySnapshot === 'object');
  if (!valid) throw new DatabaseError('DATABASE_DAMAGED', file, `${file} (version 1) is damaged: \`runs\` is not a list of recorded runs`, 'restore it from a backup or move it aside to start a new database');
  return runs as RunRecord[];
}

/** Keeps valid, first-seen ids; gives the others fresh numbers above the highest, in their order. */
function renumbered(runs: readonly RunRecord[]): RunRecord[] {
  const seen = new Set<number>();
  let next = Math.max(0, ...runs.map((run) => runNumber(run.id)).filter(Number.isFinite)) + 1;
  return runs.map((run) => {
    const n = runNumber(run.id);
    if (Number.isFinite(n) && !seen.has(n)) {
      seen.add(n);
      return run;
    }
    return { ...run, id: `run-${String(next++).padStart(6, '0')}` };
  }).sort((a, b) => runNumber(a.id) - runNumber(b.id));
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}
