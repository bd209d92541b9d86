import type { ApprovalService } from '../approval/approval-service.js';
import type { Actor, ProposalRecord } from '../approval/proposal-record.js';
import { decideEach } from '../cli/decide-each.js';
import type { DecideHint } from '../cli/format/format-submission.js';
import { formatPending } from '../cli/format/format-pending.js';
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
  readonly next: () => string;
  /** Called with the records a command decided, e.g. to update their Telegram messages. */
  readonly decided?: (records: readonly ProposalRecord[]) => Promise<void>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** How the console under `ballast serve` decides: commands typed into the running daemon. */
export const SERVE_DECIDE_HINT: DecideHint = {
  decide: (ids) => `type here: approve ${ids.join(' ')}   (or: approve all · reject <id…>)`,
  pending: 'type `pending` here',
};

const HELP = [
  'commands (type while ballast serve runs):',
  '  pending                   proposals waiting for a decision',
  '  approve <id…> | all       approve and execute on paper at the re-checked price',
  '  reject <id…> | all        reject',
  '  next                      last and next run of every schedule',
  '  help                      this list',
  'Ctrl-C stops serve after the run in progress.',
].join('\n');

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
      deps.out(HELP);
      return;
    case 'next':
      deps.out(deps.next());
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
        deps.err(`${verb} needs proposal ids or "all": ${verb} p-0123456789 p-abcdef0123 | ${verb} all`);
        return;
      }
      await deps.service.expireDue(now);
      const ids = args.length === 1 && args[0] === 'all' ? deps.store.proposalRecords({ openAt: now }).map((r) => r.proposal.id) : args;
      if (ids.length === 0) {
        deps.out('no proposals pending');
        return;
      }
      await decideEach(deps.service, verb, ids, deps.actor, now, { out: deps.out, err: deps.err });
      const decided = deps.store.proposalRecords().filter((r) => ids.includes(r.proposal.id));
      await deps.decided?.(decided);
      return;
    }
    default: {
      const guess = didYouMean(verb, VERBS);
      deps.err(`unknown command "${verb}"${guess ? `; did you mean "${guess}"?` : ''} — type help`);
    }
  }
}
