import { Store } from '../../store/store.js';
import { formatPending } from '../../text/format-pending.js';
import { paintFor } from '../../text/use-color.js';
import type { CliIo } from '../cli-io.js';
import { dataDir } from '../data-dir.js';
import { EXIT } from '../exit-codes.js';
import { knownPolicy } from '../known-policy.js';

/** Options of `ballast pending`. */
export interface PendingOptions {
  /** Only this policy id; an id without recorded runs is an error. */
  readonly policy?: string;
  readonly json: boolean;
  readonly dataDir?: string;
}

/**
 * `ballast pending`: lists the proposals waiting for a decision, per bot, with the trade, reason and expiry, and the
 * commands that decide them. Exit 0; 1 for a policy with no recorded runs (`UNKNOWN_POLICY`).
 */
export async function pendingCommand(options: PendingOptions, io: CliIo): Promise<number> {
  const store = await Store.open(dataDir(io, options.dataDir));
  if (options.policy !== undefined) await knownPolicy(store, options.policy);
  const pending = store.proposalRecords({ openAt: io.now(), ...(options.policy ? { policyId: options.policy } : {}) });
  if (options.json) {
    io.stdout(JSON.stringify({ pending }, null, 2));
    return EXIT.ok;
  }
  if (pending.length === 0) {
    io.stdout(`no proposals pending${options.policy ? ` for ${options.policy}` : ''}`);
    return EXIT.ok;
  }
  for (const line of formatPending(pending, paintFor(io.stdoutTerminal, io.env))) io.stdout(line);
  io.stdout(`${pending.length} pending: npx ballast approve <id…> | --all, or npx ballast reject <id…>`);
  return EXIT.ok;
}
