import type { CliIo } from '../cli-io.js';
import { decideCommand, type DecideOptions } from './decide.js';

/** `ballast reject <id…> | --all`: rejects proposals; nothing is executed (see `decideCommand`). */
export function rejectCommand(options: Omit<DecideOptions, 'decision'>, io: CliIo): Promise<number> {
  return decideCommand({ ...options, decision: 'reject' }, io);
}
