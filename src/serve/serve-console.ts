import type { ApprovalService } from '../approval/approval-service.js';
import type { Actor, ProposalRecord } from '../approval/proposal-record.js';
import { formatPending } from '../text/format-pending.js';
import { describeOutcome } from '../text/describe-outcome.js';
import { SERVE_CONSOLE_HELP } from '../text/serve-console-help.js';
import type { Store } from '../store/store.js';
import { didYouMean } from '../util/did-you-mean.js';

/** What the console of `ballast serve` uses: the daemon's approval service and store, the clock, who is typing. */
export interface ServeConsoleDeps {
  readonly service: ApprovalService;
  readonly store: Store;
  readonly now: () => Date;
  /** The terminal user (`cli:<login>`, channel `cli`). */
  readonly actor: Actor;
  /** `ballast next`'s text for the policies in force. */
  readonly next: () => Promise<string>;
  /** Called with the records a command decided, e.g. to update their Telegram messages. */
  readonly decided?: (records: readonly ProposalRecord[]) => Promise<void>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const VERBS = ['pending', 'approve', 'reject', 'next', 'help'];

/**
 * The console of `ballast serve` (approval mode `cli` while the daemon owns the database): reads one command per line
 * until `lines` ends, runs each through the same approval service as Telegram, and never throws — an unexpected
 * error is printed and the console goes on.
 */
export async function runServeConsole(lines: AsyncIterable<string>, deps: ServeConsoleDeps): Promise<void> {
  for await (const line of lines) {
    try {
      await consoleCommand(line, deps);
    } catch (error) {
      deps.err(`${line.trim()}: ${(error as Error).message}`);
    }
  }
}

/** Runs one console line: `pending`, `approve <id…>|all`, `reject <id…>|all`, `next`, `help`; blank lines do nothing. */
export async function consoleCommand(line: string, deps: ServeConsoleDeps): Promise<void> {
  const [verb = '', ...args] = line.trim().split(/\s+/).filter((word) => word !== '');
  const now = deps.now();
  switch (verb) {
    case '':
      return;
    case 'help':
      deps.out(SERVE_CONSOLE_HELP);
      return;
    case 'next':
      deps.out(await deps.next());
      return;
    case 'pending': {
      await deps.service.expireDue(now);
      const lines = formatPending(deps.store.proposalRecords({ openAt: now }));
      deps.out(lines.length === 0 ? 'no proposals pending' : lines.join('\n'));
      return;
    }
    case 'approve':
    case 'reject': {
      if (args.length === 0) {
        deps.err(`${verb} needs proposal ids or "all": ${verb} p-000042-1 p-000042-2 | ${verb} all`);
        return;
      }
      const outcomes = args.length === 1 && args[0] === 'all' ? await deps.service.decideAll(verb, {}, deps.actor, now) : await deps.service.decideEach(verb, args, deps.actor, now);
      if (outcomes.length === 0) {
        deps.out('no proposals pending');
        return;
      }
      for (const { ok, line } of outcomes.map((outcome) => describeOutcome(outcome))) (ok ? deps.out : deps.err)(line);
      const ids = outcomes.map((o) => o.id);
      await deps.decided?.(deps.store.proposalRecords().filter((r) => ids.includes(r.proposal.id)));
      return;
    }
    default: {
      const guess = didYouMean(verb, VERBS);
      deps.err(`unknown command "${verb}"${guess ? `; did you mean "${guess}"?` : ''} — type help`);
    }
  }
}
