import { Store } from '../../store/store.js';
import { auditEntries, formatAuditEntry } from '../../text/format-audit.js';
import { paintFor } from '../../text/use-color.js';
import type { CliIo } from '../cli-io.js';
import { dataDir } from '../data-dir.js';
import { EXIT } from '../exit-codes.js';
import { knownPolicy } from '../known-policy.js';

/** Options of `ballast audit`. */
export interface AuditOptions {
  /** Only entries at or after this date, `YYYY-MM-DD`. */
  readonly since?: string;
  /** Only decisions of this policy id (refusals name no policy and are left out). */
  readonly policy?: string;
  /** Only refused actions. */
  readonly refusals: boolean;
  /** The most recent N entries; default 50. */
  readonly limit?: number;
  readonly json: boolean;
  readonly dataDir?: string;
}

/**
 * `ballast audit`: the audit log, oldest first — every decision (approve, reject, expiry: who, when, through which
 * channel, what followed) and every refused action (unauthorized, forbidden, forged, replayed, already decided,
 * paused, unknown id; a flood stored as one with its count), from the database and its archive. Reads only. Exit 0;
 * 1 for a policy with no recorded runs (`UNKNOWN_POLICY`).
 */
export async function auditCommand(options: AuditOptions, io: CliIo): Promise<number> {
  const store = await Store.open(dataDir(io, options.dataDir));
  if (options.policy !== undefined) await knownPolicy(store, options.policy);
  const records = options.refusals ? [] : (await store.allProposalRecords()).filter((r) => options.policy === undefined || r.policyId === options.policy);
  const refusals = options.policy === undefined ? await store.listRefusals() : [];
  const entries = auditEntries(records, refusals).filter((e) => options.since === undefined || e.at >= options.since).slice(-(options.limit ?? 50));
  if (options.json) {
    io.stdout(JSON.stringify(entries, null, 2));
    return EXIT.ok;
  }
  if (entries.length === 0) {
    io.stdout(`nothing in the audit log of ${store.location}${options.since ? ` since ${options.since}` : ''}`);
    return EXIT.ok;
  }
  const paint = paintFor(io.stdoutTerminal, io.env);
  for (const entry of entries) io.stdout(formatAuditEntry(entry, paint));
  return EXIT.ok;
}
