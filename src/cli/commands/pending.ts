import { Store } from '../../store/store.js';
import type { CliIo } from '../cli-io.js';
import { dataDir } from '../data-dir.js';
import { EXIT } from '../exit-codes.js';
import { formatPending } from '../../text/format-pending.js';

/** Options of `ballast pending`. */
export interface PendingOptions {
  /** Only this policy id. */
  readonly policy?: string;
  readonly json: boolean;
  readonly dataDir?: string;
}

/**
 * `ballast pending`: lists the proposals waiting for a decision, per bot, with the trade, reason and expiry, and the
 * commands that decide them. Exit 0.
 */
export async function pendingCommand(options: PendingOptions, io: CliIo): Promise<number> {
  const store = await Store.open(dataDir(io, options.dataDir));
  const pending = store.proposalRecords({ openAt: io.now(), ...(options.policy ? { policyId: options.policy } : {}) });
  if (options.json) {
    io.stdout(JSON.stringify({ pending }, null, 2));
    return EXIT.ok;
  }
  if (pending.length === 0) {
    io.stdout('no proposals pending');
    return EXIT.ok;
  }
  for (const line of formatPending(pending)) io.stdout(line);
  io.stdout(`${pending.length} pending: npx ballast approve <id…> | --all, or npx ballast reject <id…>`);
  return EXIT.ok;
}
