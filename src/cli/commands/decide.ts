import { userInfo } from 'node:os';
import { ApprovalService } from '../../approval/approval-service.js';
import type { Actor } from '../../approval/proposal-record.js';
import { UsageError } from '../../errors.js';
import { Store } from '../../store/store.js';
import type { CliIo } from '../cli-io.js';
import { dataDir } from '../data-dir.js';
import { runQuotes } from '../run-quotes.js';
import { EXIT } from '../exit-codes.js';
import { knownPolicy } from '../known-policy.js';
import { describeOutcome } from '../../text/describe-outcome.js';
import { paintFor } from '../../text/use-color.js';

/** Options shared by `ballast approve` and `ballast reject`. */
export interface DecideOptions {
  readonly decision: 'approve' | 'reject';
  /** Proposal ids (`p-…`). */
  readonly ids: readonly string[];
  /** Every pending, unexpired proposal (of `policy` when given). */
  readonly all: boolean;
  readonly policy?: string;
  /** Price panel CSV to re-check prices against; default: the prices file of each proposal's run. */
  readonly prices?: string;
  readonly dataDir?: string;
}

/**
 * Decides proposals from the terminal through the approval service (channel `cli`, actor `cli:<os user>`), one line
 * per id with what happened. Exit 0 when this call decided every id, 1 when any was unknown, already decided,
 * expired, stale or failed, or `--policy` names a policy with no recorded runs, 2 for a usage error. An accounting invariant violation stops at once (exit 1, policy
 * paused).
 */
export async function decideCommand(options: DecideOptions, io: CliIo): Promise<number> {
  if (options.all === options.ids.length > 0) {
    throw new UsageError(options.all ? `give proposal ids or --all, not both` : `${options.decision} needs the proposals to decide`, `npx ballast ${options.decision} p-000042-1 … | --all (\`ballast pending\` lists the ids)`);
  }
  const store = await Store.open(dataDir(io, options.dataDir), options.decision);
  try {
    return await decideWithStore(options, io, store);
  } finally {
    await store.close();
  }
}

async function decideWithStore(options: DecideOptions, io: CliIo, store: Store): Promise<number> {
  if (options.policy !== undefined) await knownPolicy(store, options.policy);
  const now = io.now();
  const service = new ApprovalService(store, await runQuotes(store, io.cwd, options.prices));
  const outcomes = options.all
    ? await service.decideAll(options.decision, options.policy ? { policyId: options.policy } : {}, cliActor(io), now)
    : await service.decideEach(options.decision, options.ids, cliActor(io), now);
  if (outcomes.length === 0) {
    io.stdout(`no proposals pending${options.policy ? ` for ${options.policy}` : ''}`);
    return EXIT.ok;
  }
  const paint = paintFor(io.stdoutTerminal, io.env);
  const lines = outcomes.map((outcome) => describeOutcome(outcome, paint));
  for (const { ok, line } of lines) (ok ? io.stdout : io.stderr)(line);
  return lines.every((l) => l.ok) ? EXIT.ok : EXIT.problems;
}

/** The terminal user as an actor: `cli:<login>` (from `USER`/`USERNAME`, else the OS account). */
export function cliActor(io: CliIo): Actor {
  const name = io.env.USER ?? io.env.USERNAME ?? safeUserName();
  return { id: `cli:${name}`, name, channel: 'cli' };
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'local';
  }
}
