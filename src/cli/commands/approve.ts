import type { CliIo } from '../cli-io.js';
import { decideCommand, type DecideOptions } from './decide.js';

/**
 * `ballast approve <id…> | --all`: approves proposals and executes them on paper at the re-checked price (see
 * `decideCommand` for output and exit codes).
 */
export function approveCommand(options: Omit<DecideOptions, 'decision'>, io: CliIo): Promise<number> {
  return decideCommand({ ...options, decision: 'approve' }, io);
}
