import { main } from '../../src/cli/main.js';

/**
 * `node delayed-cli.js <start at, ms since epoch> <ballast arguments…>`: waits until the start instant, then runs the
 * CLI exactly as `bin/ballast.js` does, so two processes of the concurrency harness start their command together.
 */
const [startAt, ...args] = process.argv.slice(2);
const wait = Number(startAt) - Date.now();
if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
process.exitCode = await main(args);
