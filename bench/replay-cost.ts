import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { replayBenchmarks } from './replay-bench.js';

/** What one replay cost in one process: per-run CPU time (user + system) and wall time in ms, and the process's peak RSS in MB. */
interface ReplayCost {
  readonly name: string;
  readonly goalMs: number;
  readonly cpuMs: number[];
  readonly wallMs: number[];
  readonly peakRssMb: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Runs replay benchmark `index` `runs` times after one warm-up, in this process, and returns its costs. */
async function measureOne(index: number, runs: number): Promise<ReplayCost> {
  const { name, goalMs, task } = (await replayBenchmarks())[index]!;
  await task();
  const cpuMs: number[] = [];
  const wallMs: number[] = [];
  for (let k = 0; k < runs; k++) {
    const cpu = process.cpuUsage();
    const wall = performance.now();
    await task();
    wallMs.push(performance.now() - wall);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
  }
  return { name, goalMs, cpuMs, wallMs, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

/**
 * `npm run bench:replay [runs]`: the replay benchmarks (the three of issue 9 and the multi-factor replay), each in its own process (so its peak RSS is its
 * own), one warm-up then `runs` timed runs (default 5). Prints the median CPU time (`process.cpuUsage`, user + system:
 * what the replay costs, whatever the machine's load) and the median wall time, with each goal, and exits 1 when a
 * median CPU time misses its goal or a peak RSS passes 500 MB. Indexes after `runs` pick some of the benchmarks
 * (`npm run bench:replay -- 5 0 2`: the first and the third). `--one <index> <runs>` is the child's entry.
 */
async function main(args: readonly string[]): Promise<void> {
  if (args[0] === '--one') {
    process.stdout.write(JSON.stringify(await measureOne(Number(args[1]), Number(args[2]))));
    return;
  }
  const runs = Number(args[0] ?? 5);
  const all = (await replayBenchmarks()).map((_, index) => index);
  const picked = args.length > 1 ? args.slice(1).map(Number) : all;
  let missed = false;
  for (const index of picked) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--one', String(index), String(runs)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const cost = JSON.parse(out) as ReplayCost;
    const cpu = median(cost.cpuMs);
    const ok = cpu < cost.goalMs && cost.peakRssMb < 500;
    missed ||= !ok;
    console.log(
      `${ok ? 'ok  ' : 'MISS'}  ${cost.name.padEnd(52)} CPU ${cpu.toFixed(0).padStart(6)} ms  wall ${median(cost.wallMs).toFixed(0).padStart(6)} ms  peak RSS ${cost.peakRssMb.toFixed(0).padStart(4)} MB   goal < ${cost.goalMs} ms, < 500 MB`,
    );
  }
  process.exitCode = missed ? 1 : 0;
}

await main(process.argv.slice(2));
