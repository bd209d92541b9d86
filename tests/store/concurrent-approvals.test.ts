import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedApprovals } from '../../bench/concurrency/seed-approvals.js';
import { buildDist } from '../support/build-dist.js';

const ROOT = join(import.meta.dirname, '../..');
const run = promisify(execFile);

interface Attempt {
  readonly id: string;
  readonly code: number | 'crash';
  readonly out: string;
  readonly err: string;
}

/** Two processes approving the same 200 proposals in the same order, started together: 200 concurrent pairs. */
describe('ballast approve from two processes at once', () => {
  let dir: string;
  beforeAll(async () => {
    await buildDist();
    dir = await mkdtemp(join(tmpdir(), 'ballast-pairs-'));
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('should execute each of 200 proposals exactly once, lose no execution and never crash, starting from a lock left by a dead process', async () => {
    const { dataDir, pricesFile, ids } = await seedApprovals(dir, 200);
    await writeFile(join(dataDir, 'ballast.lock'), JSON.stringify({ pid: 999_999_999, host: hostname(), command: 'approve', startedAt: '2000-01-01T00:00:00.000Z' }));
    const worker = join(ROOT, 'dist/bench/concurrency/approve-worker.js');
    const startAt = String(Date.now() + 500);
    const results = await Promise.all([0, 1].map(() => run(process.execPath, [worker, dataDir, pricesFile, startAt, ...ids], { cwd: dir, maxBuffer: 64 * 1024 * 1024 })));
    const attempts: Attempt[] = results.flatMap(({ stdout }) => stdout.trim().split('\n').map((line) => JSON.parse(line) as Attempt));

    expect(attempts).toHaveLength(400);
    expect(attempts.filter((a) => a.code === 'crash' || /\n\s+at /.test(a.err))).toEqual([]);
    const executedLines = attempts.filter((a) => / executed /.test(a.out) && !/already decided/.test(a.out));
    const perProposal = new Map(ids.map((id) => [id, executedLines.filter((a) => a.id === id).length]));
    expect([...perProposal.values()].filter((n) => n !== 1)).toEqual([]);
    const losers = attempts.filter((a) => !executedLines.includes(a));
    expect(losers.every((a) => /already decided: .*executed/.test(a.err))).toBe(true);

    const database = JSON.parse(await readFile(join(dataDir, 'ballast.json'), 'utf8'));
    const fills = database.accounts.paper.trades as { symbol: string }[];
    expect(fills).toHaveLength(200);
    expect(new Set(fills.map((f) => f.symbol)).size).toBe(200);
    expect(database.accounts.paper.lots).toEqual([]);
    const archive = join(dataDir, 'archive');
    const archived = (await readdir(archive)).filter((f) => f.startsWith('decisions-'));
    const lines = (await Promise.all(archived.map((f) => readFile(join(archive, f), 'utf8')))).join('').trim().split('\n');
    const records = [...database.proposals, ...lines.map((line) => JSON.parse(line))] as { proposal: { id: string }; status: string }[];
    expect(records.filter((r) => r.status === 'executed').map((r) => r.proposal.id).sort()).toEqual([...ids].sort());
  }, 240_000);
});
