import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/cli-io.js';

/**
 * One contender of the concurrency harness, in its own process:
 * `node approve-worker.js <data dir> <prices csv> <start at, ms since epoch> <id…>`. Waits until the start instant,
 * then runs `ballast approve <id> --prices … --data-dir …` for each id in turn, in this process, and prints one JSON
 * line per id: `{ id, code, out, err }`. A crash of a command is caught and reported as `code: 'crash'`.
 */
const [dataDir, prices, startAt, ...ids] = process.argv.slice(2);
const wait = Number(startAt) - Date.now();
if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
for (const id of ids) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: process.cwd(), env: process.env, now: () => new Date() };
  let code: number | 'crash';
  try {
    code = await main(['approve', id, '--prices', prices!, '--data-dir', dataDir!], io);
  } catch (error) {
    code = 'crash';
    err.push((error as Error).stack ?? String(error));
  }
  process.stdout.write(`${JSON.stringify({ id, code, out: out.join('\n'), err: err.join('\n') })}\n`);
}
