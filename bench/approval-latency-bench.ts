/**
 * Median time from a button press to the edited message, with the real grammY bot long-polling the loopback Bot
 * API test server (tests/support), the approval service, the paper broker and the store (in memory, then a lowdb
 * file). Not a timed test: run `npm run build && node dist/bench/approval-latency-bench.js`. Goal: median < 50 ms.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../src/store/store.js';
import { measureTaps, median } from './telegram-tap.js';

const PRESSES = 60;
const GOAL_MS = 50;

async function measure(store: Store, label: string): Promise<number> {
  const samples = await measureTaps(store, PRESSES);
  const middle = median(samples);
  console.log(`${middle < GOAL_MS ? 'ok  ' : 'MISS'}  press → edited message, ${label.padEnd(22)} median ${middle.toFixed(1)} ms  p90 ${samples[Math.floor(samples.length * 0.9)]!.toFixed(1)} ms  (${samples.length} presses, goal < ${GOAL_MS} ms)`);
  await store.close();
  return middle;
}

const dir = await mkdtemp(join(tmpdir(), 'ballast-bench-'));
const medians = [await measure(await Store.inMemory(), 'in-memory store'), await measure(await Store.open(dir, 'bench'), 'lowdb file store')];
await rm(dir, { recursive: true, force: true });
process.exitCode = medians.every((m) => m < GOAL_MS) ? 0 : 1;
