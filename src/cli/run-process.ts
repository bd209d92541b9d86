import { processIo } from './cli-io.js';
import { main } from './main.js';
import { reportError } from './report-error.js';

/**
 * The process entry point behind `bin/ballast.js`: runs {@link main} on the real streams and sets the exit code. An
 * error that escapes every command (an exception in a callback, a rejected promise nobody awaited) is printed like
 * any other unexpected error, as one line with "please report" (the trace with `BALLAST_DEBUG=1`), and ends the
 * process with exit code 1. The only place that ends the process.
 */
export async function runProcess(argv: readonly string[]): Promise<void> {
  const io = processIo();
  const crash = (error: unknown): void => {
    process.exitCode = reportError(error, io);
    process.exit();
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  process.exitCode = await main(argv, io);
}
