import { CommanderError } from 'commander';
import { BallastError, fileAccessError, InputError, InvalidPolicyError, isSystemError, UsageError } from '../errors.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { formatDiagnostics } from '../text/format-diagnostics.js';

/**
 * Prints an error that ended a command and returns the exit code; never throws, never prints a stack trace unless
 * `BALLAST_DEBUG=1`. A {@link BallastError} prints its message and action (exit 2 for usage, 1 otherwise); an invalid
 * policy prints every diagnostic; input problems print one line each. A system error (a file that cannot be read or
 * written) prints the path and the reason. Anything else is a bug: one line with "please report" (exit 1).
 */
export function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (error instanceof InvalidPolicyError) {
    io.stderr(`${formatDiagnostics(error.loaded)}\n${error.message}`);
    return EXIT.problems;
  }
  if (error instanceof InputError) {
    io.stderr(`${error.problem}\n${error.action}`);
    return EXIT.problems;
  }
  const known = error instanceof BallastError ? error : isSystemError(error) ? fileAccessError(error, 'check the path and its permissions') : undefined;
  if (known !== undefined) {
    io.stderr(`error: ${known.message}`);
    debugTrace(error, io);
    return known instanceof UsageError ? EXIT.usage : EXIT.problems;
  }
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  io.stderr(`error: unexpected ${what.split('\n')[0]} — this is a bug in Ballast; please report it with the command you ran${io.env.BALLAST_DEBUG === '1' ? '' : ' (BALLAST_DEBUG=1 prints the trace)'}`);
  debugTrace(error, io);
  return EXIT.problems;
}

function debugTrace(error: unknown, io: CliIo): void {
  if (io.env.BALLAST_DEBUG !== '1') return;
  io.stderr(error instanceof Error && error.stack ? error.stack : String(error));
  if (error instanceof Error && error.cause !== undefined) debugTrace(error.cause, io);
}
