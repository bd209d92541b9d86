import type { ProposalRecord } from '../approval/proposal-record.js';
import { describeStatus, describeTrade } from './describe-record.js';

/** Telegram's limit on a message's text, in characters. */
export const MESSAGE_MAX_CHARS = 4096;

/** Where a message sits in its run's batch: part `index` (from 0) of `count`. */
export interface BatchPart {
  readonly index: number;
  readonly count: number;
}

/**
 * Splits a run's proposals into message groups, in order, so each message's text stays under 4,096 characters
 * (`maxChars`). The grouping depends only on the records' proposals (not their status), so re-rendering a
 * message after a decision keeps the same proposals on it.
 */
export function splitBatch(records: readonly ProposalRecord[], maxChars = MESSAGE_MAX_CHARS): ProposalRecord[][] {
  const groups: ProposalRecord[][] = [];
  let current: ProposalRecord[] = [];
  let size = 0;
  for (const record of records) {
    // Budget each block for its longest status line, so an edit can never push a message past the limit.
    const block = proposalBlock(record).length + STATUS_BUDGET;
    if (current.length > 0 && size + block > maxChars - HEADER_BUDGET) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(record);
    size += block;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * The text of one message of a run's batch: a header (bot, run, part k/n), then per proposal its id, trade
 * (quantity, notional, weight before → after), reason and current status (who decided what and when).
 */
export function batchText(records: readonly ProposalRecord[], part: BatchPart): string {
  const first = records[0]!;
  const partLabel = part.count > 1 ? ` · part ${part.index + 1}/${part.count}` : '';
  const header = `${first.policyName} · ${first.runId}${partLabel}${first.dryRun ? ' · DRY RUN' : ''}\naccount ${first.accountId} · policy @ ${first.policyRevision}`;
  const blocks = records.map((record) => `${proposalBlock(record)}\n${statusLine(record)}`);
  return [header, ...blocks].join('\n\n');
}

const HEADER_BUDGET = 200;
const STATUS_BUDGET = 400;

function proposalBlock(record: ProposalRecord): string {
  return `• ${record.proposal.id}  ${describeTrade(record)}\n  ${record.proposal.reason.slice(0, 600)}`;
}

function statusLine(record: ProposalRecord): string {
  const mark = { pending: '⏳', approved: '✅', executed: '✅', rejected: '❌', expired: '⌛', stale: '⚠️', failed: '⛔' }[record.status];
  return `  ${mark} ${describeStatus(record)}`.slice(0, STATUS_BUDGET);
}
