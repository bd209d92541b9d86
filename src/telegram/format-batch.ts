import { InlineKeyboard } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import { describeStatus, describeTrade } from '../approval/describe-record.js';
import type { ProposalRecord } from '../approval/proposal-record.js';
import { signCallback } from './callback-data.js';

/** Telegram's limit on a message's text, in characters. */
export const MESSAGE_MAX_CHARS = 4096;

/** One message of a batch: its text, and its keyboard while any of its proposals is pending. */
export interface BatchMessage {
  readonly text: string;
  readonly keyboard?: InlineKeyboard;
  /** The records shown, in order. */
  readonly records: readonly ProposalRecord[];
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
 * Renders one message of a run's batch: a header (bot, run, part k/n), then per proposal its id, trade (quantity,
 * notional, weight before → after), reason and current status (who decided what and when). The keyboard has
 * Approve / Reject per pending proposal and, on the last part of a run with several pending proposals, Approve all /
 * Reject all. Every button's data is signed with `secret`. No keyboard once nothing on the message is pending.
 */
export function formatBatchMessage(
  records: readonly ProposalRecord[],
  part: { readonly index: number; readonly count: number; readonly runPending: number; readonly runNonce: string },
  secret: string,
): BatchMessage {
  const first = records[0]!;
  const partLabel = part.count > 1 ? ` · part ${part.index + 1}/${part.count}` : '';
  const header = `${first.policyName} · ${first.runId}${partLabel}${first.dryRun ? ' · DRY RUN' : ''}\naccount ${first.accountId} · policy @ ${first.policyRevision}`;
  const blocks = records.map((record) => `${proposalBlock(record)}\n${statusLine(record)}`);
  const text = [header, ...blocks].join('\n\n');
  const rows: InlineKeyboardButton[][] = [];
  for (const record of records) {
    if (record.status !== 'pending') continue;
    const { id, symbol } = record.proposal;
    rows.push([
      InlineKeyboard.text(`✅ Approve ${symbol}`, signCallback(secret, { op: 'a', target: id, nonce: record.nonce })),
      InlineKeyboard.text(`❌ Reject ${symbol}`, signCallback(secret, { op: 'r', target: id, nonce: record.nonce })),
    ]);
  }
  if (part.index === part.count - 1 && part.runPending > 1) {
    rows.push([
      InlineKeyboard.text('✅ Approve all', signCallback(secret, { op: 'A', target: first.runId, nonce: part.runNonce })),
      InlineKeyboard.text('❌ Reject all', signCallback(secret, { op: 'R', target: first.runId, nonce: part.runNonce })),
    ]);
  }
  return rows.length > 0 ? { text, keyboard: new InlineKeyboard(rows), records } : { text, records };
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
