import { type Api, GrammyError } from 'grammy';
import type { ProposalRecord } from '../approval/proposal-record.js';
import type { Store } from '../store/store.js';
import { batchView } from './batch-view.js';
import { formatBatchMessage } from './format-batch.js';
import type { TelegramConfig } from './telegram-config.js';

/**
 * Re-renders the Telegram messages showing `changed` records from the store's current state (HTML, times in the
 * approvers' zone, the time left counted from `now`): who decided what and when, and only the buttons of proposals still pending (none once all are decided: editing without
 * `reply_markup` removes the keyboard). A "message is not modified" answer is ignored.
 */
export async function refreshMessages(api: Api, store: Store, changed: readonly ProposalRecord[], config: Pick<TelegramConfig, 'secret' | 'timeZone'>, now: Date): Promise<void> {
  const messages = new Map<string, { chatId: number; messageId: number; runId: string }>();
  for (const record of changed) {
    if (record.telegram !== undefined) messages.set(`${record.telegram.chatId}/${record.telegram.messageId}`, { ...record.telegram, runId: record.runId });
  }
  for (const { chatId, messageId, runId } of messages.values()) {
    const runRecords = store.proposalRecords().filter((r) => r.runId === runId);
    const onMessage = runRecords.filter((r) => r.telegram?.chatId === chatId && r.telegram.messageId === messageId);
    const messageIds = [...new Set(runRecords.flatMap((r) => (r.telegram ? [r.telegram.messageId] : [])))].sort((a, b) => a - b);
    const runPending = runRecords.filter((r) => r.status === 'pending').length;
    const message = formatBatchMessage(
      onMessage,
      { index: messageIds.indexOf(messageId), count: messageIds.length, runPending, runNonce: runRecords[0]!.nonce },
      config.secret,
      await batchView(store, runId, config.timeZone, now),
    );
    try {
      await api.editMessageText(chatId, messageId, message.text, { parse_mode: 'HTML', ...(message.keyboard === undefined ? {} : { reply_markup: message.keyboard }) });
    } catch (error) {
      if (!(error instanceof GrammyError && /message is not modified/.test(error.description))) throw error;
    }
  }
}
