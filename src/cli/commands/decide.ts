import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { ApprovalError } from '../../approval/approval-error.js';
import { ApprovalService, type DecisionResult, type QuoteSource } from '../../approval/approval-service.js';
import { describeStatus } from '../../approval/describe-record.js';
import type { Actor } from '../../approval/proposal-record.js';
import { UsageError } from '../../errors.js';
import { loadPricePanel } from '../../jobs/evaluate-policy-file.js';
import { panelQuotes } from '../../market/panel-quotes.js';
import type { PricePanel } from '../../market/price-panel.js';
import { AccountingInvariantError } from '../../portfolio/errors.js';
import { Store } from '../../store/store.js';
import type { CliIo } from '../cli-io.js';
import { dataDir } from '../data-dir.js';
import { EXIT } from '../exit-codes.js';

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
 * expired, stale or failed, 2 for a usage error. An accounting invariant violation stops at once (exit 1, policy
 * paused).
 */
export async function decideCommand(options: DecideOptions, io: CliIo): Promise<number> {
  if (options.all === options.ids.length > 0) {
    throw new UsageError(`give proposal ids or --all (not both): npx ballast ${options.decision} p-0123456789 | --all`);
  }
  const store = await Store.open(dataDir(io, options.dataDir));
  const now = io.now();
  const service = new ApprovalService(store, await quotesFor(store, options, io));
  await service.expireDue(now);
  const ids = options.all
    ? store.proposalRecords({ statuses: ['pending'], ...(options.policy ? { policyId: options.policy } : {}) }).map((r) => r.proposal.id)
    : options.ids;
  if (ids.length === 0) {
    io.stdout('no proposals pending');
    return EXIT.ok;
  }
  const actor = cliActor(io);
  let problems = 0;
  for (const id of ids) {
    let result: DecisionResult;
    try {
      result = options.decision === 'approve' ? await service.approve(id, actor, now) : await service.reject(id, actor, now);
    } catch (error) {
      if (error instanceof ApprovalError) {
        io.stderr(`${id}  ${error.code}  ${error.message}`);
        problems += 1;
        continue;
      }
      if (error instanceof AccountingInvariantError) {
        io.stderr(`${id}  ${error.code}  ${error.message}\nexecution stopped and the policy is paused; nothing else was executed`);
        return EXIT.problems;
      }
      throw error;
    }
    const { record } = result;
    const ok = result.result === 'decided' && (record.status === 'executed' || record.status === 'rejected' || record.status === 'approved');
    if (!ok) problems += 1;
    const prefix = result.result === 'already_decided' ? 'already decided: ' : '';
    (ok ? io.stdout : io.stderr)(`${id}  ${record.status}  ${prefix}${describeStatus(record)}`);
  }
  return problems === 0 ? EXIT.ok : EXIT.problems;
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

/** Quotes from `--prices`, else from each proposal's own run prices file (loaded once each). */
async function quotesFor(store: Store, options: DecideOptions, io: CliIo): Promise<QuoteSource> {
  if (options.prices !== undefined) return panelQuotes(await loadPricePanel(resolve(io.cwd, options.prices), io.cwd));
  const panels = new Map<string, PricePanel>();
  for (const record of store.proposalRecords({ statuses: ['pending'] })) {
    const file = store.getRun(record.runId)?.inputs.pricesFile;
    if (file !== undefined && !panels.has(file)) {
      try {
        panels.set(file, await loadPricePanel(resolve(io.cwd, file), io.cwd));
      } catch {
        // A missing prices file leaves those proposals without a quote: they fail with NO_QUOTE, not the command.
      }
    }
  }
  const bySymbol = [...panels.values()].map((panel) => panelQuotes(panel));
  return (symbol, at) => {
    for (const quotes of bySymbol) {
      const quote = quotes(symbol, at);
      if (quote !== undefined) return quote;
    }
    return undefined;
  };
}
