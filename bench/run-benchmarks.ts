import { Bench } from 'tinybench';
import { benchEvaluate } from './evaluate-bench.js';
import { benchRebalance } from './rebalance-bench.js';
import { replayBenchmarks } from './replay-bench.js';
import { benchStrategiesLive } from './strategies-bench.js';
import { benchEquityPng, benchReplayReport } from './report-bench.js';
import { benchDiffImpact } from './diff-impact-bench.js';
import { benchCliStartup } from './cli-startup-bench.js';

/** `npm run bench`: every benchmark with its goal; prints a table and exits 1 when a median misses its goal. */
const bench = new Bench({ iterations: 30, warmupIterations: 5, time: 0 });
const goals = new Map<string, number>();

function add(name: string, goalMs: number, task: () => unknown): void {
  goals.set(name, goalMs);
  bench.add(name, task);
}

add('evaluate: 1 policy × 5,000 positions', 100, await benchEvaluate());
add('rebalance: 5,000 symbols, all constraints', 50, benchRebalance());
add('multi-factor: one live evaluation', 50, await benchStrategiesLive());
add('report: Dow 30 × 10 years, HTML + 3 charts', 1000, await benchReplayReport());
add('png: /report equity chart, 2,529 points', 400, await benchEquityPng());
add('diff impact: dee-bot, 2 × 505 sessions', 1000, await benchDiffImpact());
add('cli start-up: ballast --help, a new process', 400, benchCliStartup());

await bench.run();
// Replays take seconds each: a few iterations, their own bench.
const replays = new Bench({ iterations: 3, warmupIterations: 1, time: 0 });
for (const { name, goalMs, task } of await replayBenchmarks()) {
  goals.set(name, goalMs);
  replays.add(name, task);
}
await replays.run();
let missed = false;
for (const task of [...bench.tasks, ...replays.tasks]) {
  const result = task.result;
  const median = result && 'latency' in result ? result.latency.p50 : NaN;
  const goal = goals.get(task.name)!;
  const ok = median < goal;
  missed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'MISS'}  ${task.name.padEnd(52)} median ${median.toFixed(1).padStart(8)} ms   goal < ${goal} ms`);
}
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (goal for the 500-symbol replays < 500 MB)`);
process.exitCode = missed ? 1 : 0;
