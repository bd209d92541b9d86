/**
 * The store at 5,000 and 50,000 recorded runs (issue 12 §5): the size of the hot state (`ballast.json`), a Telegram tap
 * (press → edited message, real grammY on the loopback Bot API server), and `ballast run`, `ballast history` and
 * `ballast show` as the processes a user starts (wall time, and peak memory of `run`). Runs are copies of the bundled
 * bots' real runs, one an hour, each with its proposals decided and an equity point (see `populateStore`).
 * `npm run bench:store [-- 5000 50000]` (after `npm run build`); exits 1 when a median misses its goal.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { ARCHIVE_DIR, DATABASE_FILE, Store } from '../src/store/store.js';
import { recordedRuns } from '../tests/support/recorded-runs.js';
import { populateStore } from './store/populate-store.js';
import { measureTaps, median } from './telegram-tap.js';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/ballast.js');
const run = promisify(execFile);
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const REPEATS = 5;
const GOALS = { tapMs: 20, runS: 1, historyS: 0.5 };

/** Wall time (s) and peak resident memory (MB) of `ballast <args>` as a process, median of {@link REPEATS}. */
async function timed(cwd: string, args: readonly string[]): Promise<{ seconds: number; peakMb: number }> {
  const samples: { seconds: number; peakMb: number }[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    const { stderr } = await run('/usr/bin/time', ['-f', 'peak-kb %M', process.execPath, BIN, ...args], { cwd, maxBuffer: 256 * 1024 * 1024 }).catch((e: { stderr: string }) => e);
    const seconds = (performance.now() - t0) / 1000;
    samples.push({ seconds, peakMb: Number(/peak-kb (\d+)/.exec(stderr)?.[1] ?? NaN) / 1024 });
  }
  samples.sort((a, b) => a.seconds - b.seconds);
  return samples[Math.floor(samples.length / 2)]!;
}

async function folderBytes(dir: string): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const sizes = await Promise.all(names.map((name) => stat(join(dir, name)).then((s) => s.size)));
  return sizes.reduce((a, b) => a + b, 0);
}

let missed = false;
for (const count of sizes.length > 0 ? sizes : [5_000, 50_000]) {
  const dir = await mkdtemp(join(tmpdir(), `ballast-store-bench-${count}-`));
  await cp(join(ROOT, 'policies'), join(dir, 'policies'), { recursive: true });
  await cp(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
  const data = join(dir, '.ballast');
  await run(process.execPath, [BIN, 'run', '--data-dir', data], { cwd: dir });
  const seed = await Store.open(data, 'bench');
  const templates = await recordedRuns(seed);
  const t0 = performance.now();
  await populateStore(seed, templates, count - templates.length, new Date('2001-01-02T21:00:00Z'));
  const populateS = (performance.now() - t0) / 1000;
  await seed.close();
  const hotKb = (await stat(join(data, DATABASE_FILE))).size / 1024;
  const archiveMb = (await folderBytes(join(data, ARCHIVE_DIR))) / 1024 / 1024;

  const store = await Store.open(data, 'bench');
  const taps = await measureTaps(store, 30);
  await store.close();
  const tapMs = median(taps);
  const ran = await timed(dir, ['run', '--data-dir', data]);
  const history = await timed(dir, ['history', '--data-dir', data]);
  const show = await timed(dir, ['show', 'run-000042', '--data-dir', data]);
  const startup = await timed(dir, ['--help']);
  const hotAfterKb = (await stat(join(data, DATABASE_FILE))).size / 1024;

  const mark = (ok: boolean): string => {
    missed ||= !ok;
    return ok ? 'ok  ' : 'MISS';
  };
  console.log(`${count.toLocaleString('en-US')} recorded runs (populated in ${populateS.toFixed(0)} s): ballast.json ${hotKb.toFixed(0)} KB (${hotAfterKb.toFixed(0)} KB after the taps and runs), archive ${archiveMb.toFixed(0)} MB`);
  console.log(`  ${mark(tapMs < GOALS.tapMs)} Telegram tap (press → edited message)  median ${tapMs.toFixed(1)} ms  p90 ${taps[Math.floor(taps.length * 0.9)]!.toFixed(1)} ms  goal < ${GOALS.tapMs} ms`);
  console.log(`  ${mark(ran.seconds < GOALS.runS)} ballast run (4 bots, a process)        median ${ran.seconds.toFixed(2)} s  peak ${ran.peakMb.toFixed(0)} MB  goal < ${GOALS.runS} s`);
  console.log(`  ${mark(history.seconds < GOALS.historyS)} ballast history (a process)            median ${history.seconds.toFixed(2)} s  peak ${history.peakMb.toFixed(0)} MB  goal < ${GOALS.historyS} s`);
  console.log(`       ballast show run-000042 (a process)    median ${show.seconds.toFixed(2)} s  peak ${show.peakMb.toFixed(0)} MB`);
  console.log(`       ballast --help (start-up alone)        median ${startup.seconds.toFixed(2)} s  · load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
  await rm(dir, { recursive: true, force: true });
}
process.exitCode = missed ? 1 : 0;
