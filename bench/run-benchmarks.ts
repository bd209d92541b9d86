import { Bench } from 'tinybench';
import { benchEvaluate } from './evaluate-bench.js';

/** `npm run bench`: every benchmark with its goal; prints a table and exits 1 when a median misses its goal. */
const bench = new Bench({ iterations: 30, warmupIterations: 5, time: 0 });
const goals: Record<string, number> = { 'evaluate: 1 policy × 5,000 positions': 100 };

bench.add('evaluate: 1 policy × 5,000 positions', await benchEvaluate());

await bench.run();
let missed = false;
for (const task of bench.tasks) {
  const result = task.result;
  const median = result && 'latency' in result ? result.latency.p50 : NaN;
  const goal = goals[task.name]!;
  const ok = median < goal;
  missed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'MISS'}  ${task.name.padEnd(44)} median ${median.toFixed(1).padStart(7)} ms   goal < ${goal} ms`);
}
process.exitCode = missed ? 1 : 0;
