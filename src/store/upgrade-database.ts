import { constants } from 'node:fs';
import { copyFile, rename, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Refusal } from '../approval/proposal-record.js';
import type { AccountEquityPoint, Archive } from './archive/archive.js';
import { runNumber } from './archive/archive.js';
import { DatabaseError } from '../errors.js';
import type { EquityPoint } from './equity-point.js';
import { DATABASE_VERSION, type HotState } from './hot-state.js';
import { dropSurplus, hotSurplus } from './hot-retention.js';
import { hotStateProblem, isHotState } from './read-database-file.js';
import type { RunRecord } from './run-record.js';

/**
 * Upgrades an older database to the current version, first copying the file to `ballast.json.v<N>.<time>.bak`
 * beside it. Version 1 (everything in one file): its runs and refusals move to `archive` (an `archive/` folder left
 * by an upgrade cut off earlier is set aside as `archive.incomplete-<time>`, never deleted); run ids that are not
 * `run-<n>` or repeat an earlier id (written when `nextRunNumber` was missing) get fresh numbers, and `nextRunNumber`
 * is at least one above every run. Versions 1 and 2: the accounts' equity histories move to the archive. Older closed
 * proposals and slots move there too. Returns the hot state for the caller to write. Throws `DATABASE_DAMAGED`
 * (before writing anything) when the content does not have the shape of its version.
 */
export async function upgradeDatabase(file: string, version: number, old: Record<string, unknown>, archive: Archive, archiveDir: string, now: Date): Promise<HotState> {
  const runs = version === 1 ? renumbered(v1Runs(file, old.runs)) : [];
  const highest = Math.max(0, ...runs.map((run) => runNumber(run.id)));
  const stated = typeof old.nextRunNumber === 'number' && Number.isInteger(old.nextRunNumber) ? old.nextRunNumber : 1;
  const hot = {
    version: DATABASE_VERSION,
    nextRunNumber: Math.max(stated, highest + 1),
    accounts: old.accounts ?? {},
    proposals: old.proposals ?? [],
    slots: old.slots ?? {},
    paused: old.paused ?? {},
    strategies: old.strategies ?? {},
  };
  if (!isHotState(hot)) throw new DatabaseError('DATABASE_DAMAGED', file, `${file} (version ${version}) is damaged: ${hotStateProblem()}`, 'restore it from a backup or move it aside to start a new database');
  const equity = equityPoints(file, version, old.equity);
  const stamp = now.toISOString().replaceAll(':', '-');
  await copyFile(file, join(dirname(file), `${basename(file)}.v${version}.${stamp}.bak`), constants.COPYFILE_EXCL);
  if (version === 1 && (await exists(archiveDir))) await rename(archiveDir, `${archiveDir}.incomplete-${stamp}`);
  await archive.appendRuns(runs);
  await archive.appendRefusals(version === 1 && Array.isArray(old.refusals) ? (old.refusals as Refusal[]) : []);
  await archive.appendEquity(equity);
  const surplus = hotSurplus(hot);
  await archive.appendProposalRecords(surplus.proposals);
  await archive.appendSlots(surplus.slots);
  dropSurplus(hot, surplus);
  return hot;
}

function equityPoints(file: string, version: number, equity: unknown): AccountEquityPoint[] {
  if (equity === undefined) return [];
  const valid = typeof equity === 'object' && equity !== null && Object.values(equity).every((points) => Array.isArray(points) &&
    points.every((p) => typeof p?.at === 'string' && typeof p.equity === 'number' && typeof p.cash === 'number' && typeof p.source === 'object'));
  if (!valid) throw new DatabaseError('DATABASE_DAMAGED', file, `${file} (version ${version}) is damaged: \`equity\` is not a list of equity points per account`, 'restore it from a backup or move it aside to start a new database');
  return Object.entries(equity as Record<string, EquityPoint[]>).flatMap(([accountId, points]) => points.map((point) => ({ accountId, ...point })));
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
