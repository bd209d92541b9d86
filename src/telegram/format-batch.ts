import { InlineKeyboard } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import type { ProposalRecord } from '../approval/proposal-record.js';
import { batchText, type BatchPart, type BatchView } from '../text/telegram-batch.js';
import { signCallback } from './callback-data.js';

/** One message of a batch: its HTML text, and its keyboard while any of its proposals is pending. */
export interface BatchMessage {
  readonly text: string;
  readonly keyboard?: InlineKeyboard;
  /** The records shown, in order. */
  readonly records: readonly ProposalRecord[];
}

/**
 * One message of a run's batch: its HTML text ({@link batchText}, for `parse_mode: 'HTML'`) and a keyboard with
 * Approve / Reject per pending proposal and, on the last part of a run with several pending proposals, Approve all /
 * Reject all (which only ask: see {@link confirmAllKeyboard}). Every button's data is signed with `secret`. No
 * keyboard once nothing on the message is pending.
 */
export function formatBatchMessage(
  records: readonly ProposalRecord[],
  part: BatchPart & { readonly runPending: number; readonly runNonce: string },
  secret: string,
  view: BatchView,
): BatchMessage {
  const first = records[0]!;
  const text = batchText(records, part, view);
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

/**
 * The keyboard that replaces a batch's buttons after "Approve all" (or "Reject all") is tapped: one button that
 * decides all `pending` proposals of the run (signed op `Y` approve, `N` reject, with the run's nonce) and one that
 * cancels (op `X`, puts the batch's buttons back). Nothing is decided until the first is tapped.
 */
export function confirmAllKeyboard(decision: 'approve' | 'reject', runId: string, runNonce: string, pending: number, secret: string): InlineKeyboard {
  const yes = decision === 'approve' ? `✅ Yes, approve all ${pending}` : `❌ Yes, reject all ${pending}`;
  return new InlineKeyboard([
    [InlineKeyboard.text(yes, signCallback(secret, { op: decision === 'approve' ? 'Y' : 'N', target: runId, nonce: runNonce }))],
    [InlineKeyboard.text('↩️ Cancel', signCallback(secret, { op: 'X', target: runId, nonce: runNonce }))],
  ]);
}
