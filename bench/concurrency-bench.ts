import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { seedApprovals } from './concurrency/seed-approvals.js';

/**
 * The lock race of issue 12, measured with real processes: in each trial two `ballast approve` processes start
 * together on a fresh database. Scenarios: both approve the same proposal; the same, with a lock left by a dead
 * process; each approves a different proposal. Counts trials where a proposal executed twice, where a printed
 * `executed` is missing from the file (a lost execution), and crashes (a stack trace or exit code other than 0/1).
 * `node dist/bench/concurrency-bench.js [trials per scenario, default 200]` (after `npm run build`).
 */
const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/bench/concurrency/delayed-cli.js');
const run = promisify(execFile);
const trials = Number(process.argv[2] ?? 200);

interface Outcome {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function approve(dataDir: string, prices: string, id: string, startAt: number): Promise<Outcome> {
  const args = [CLI, String(startAt), 'approve', id, '--prices', prices, '--data-dir', dataDir];
  try {
    const { stdout, stderr } = await run(process.execPath, args, { env: { ...process.env, USER: 'bench' } });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, out: e.stdout ?? '', err: e.stderr ?? '' };
  }
}

async function trial(scenario: 'same id' | 'dead owner lock' | 'two ids') {
  const dir = await mkdtemp(join(tmpdir(), 'ballast-race-'));
  try {
    const { dataDir, pricesFile, ids } = await seedApprovals(dir, 2);
    if (scenario === 'dead owner lock') {
      await writeFile(join(dataDir, 'ballast.lock'), JSON.stringify({ pid: 999_999_999, host: hostname(), command: 'approve', startedAt: '2000-01-01T00:00:00.000Z' }));
    }
    const targets = scenario === 'two ids' ? [ids[0]!, ids[1]!] : [ids[0]!, ids[0]!];
    const startAt = Date.now() + 400;
    const outcomes = await Promise.all(targets.map((id) => approve(dataDir, pricesFile, id, startAt)));
    const printed = outcomes.filter((o) => /^p-\S+\s+executed\s/m.test(o.out)).length;
    const fills = (JSON.parse(await readFile(join(dataDir, 'ballast.json'), 'utf8')).accounts.paper.trades as unknown[]).length;
    return {
      double: scenario !== 'two ids' && printed > 1 ? 1 : 0,
      lost: Math.max(0, printed - fills),
      crash: outcomes.filter((o) => (o.code !== 0 && o.code !== 1) || /\n\s+at /.test(o.err)).length,
      refused: outcomes.filter((o) => /STORE_LOCKED|owns this database|still holds it/.test(o.err)).length,
      exactlyOnce: (scenario === 'two ids' ? printed === 2 && fills === 2 : printed === 1 && fills === 1) ? 1 : 0,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

for (const scenario of ['same id', 'dead owner lock', 'two ids'] as const) {
  const totals = { double: 0, lost: 0, crash: 0, refused: 0, exactlyOnce: 0 };
  const started = Date.now();
  for (let i = 0; i < trials; i++) {
    const t = await trial(scenario);
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += t[key];
  }
  console.log(`${scenario.padEnd(16)} ${trials} pairs: exactly once ${totals.exactlyOnce}, executed twice ${totals.double}, lost executions ${totals.lost}, crashes ${totals.crash}, refused ${totals.refused}  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
