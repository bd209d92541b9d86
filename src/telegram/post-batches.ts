import { type Api, GrammyError, HttpError, type InlineKeyboard } from 'grammy';
import type { ProposalRecord } from '../approval/proposal-record.js';
import type { Store } from '../store/store.js';
import { splitBatch } from '../text/telegram-batch.js';
import { batchView } from './batch-view.js';
import { formatBatchMessage } from './format-batch.js';
import type { TelegramConfig } from './telegram-config.js';
import { telegramFailure } from './telegram-failure.js';

/** How posting retries Telegram 5xx answers (429s are retried by auto-retry with `retry_after`). */
export interface PostOptions {
  /** Attempts per message for 5xx answers. Default 5. */
  readonly maxAttempts?: number;
  /** Waits between 5xx attempts, in milliseconds, given the attempt number from 1. Default 1000 × 2^(attempt−1). */
  readonly backoffMs?: (attempt: number) => number;
}

/** Where and how batches are posted: the chat, the secret that signs buttons, the approvers' time zone. */
export type BatchTarget = Pick<TelegramConfig, 'chatId' | 'secret' | 'timeZone'>;

/**
 * Posts every pending `approval.mode: telegram` proposal that has no message yet: one HTML message per bot and run
 * (split under 4,096 characters), with signed buttons. Each message id is stored on its records (and persisted) as
 * soon as the send succeeds, so a restart never posts a proposal twice. A 5xx answer (JSON or a proxy's HTML page) is retried
 * with backoff; then, or on a network error, a `TELEGRAM_UNAVAILABLE` `RetryableError` is thrown (the send may or may
 * not have arrived; the next start posts it again), and a refusal is a `TELEGRAM_REFUSED` fatal error. Returns the
 * number of messages sent.
 */
export async function postPendingBatches(api: Api, store: Store, target: BatchTarget, now: Date, options: PostOptions = {}): Promise<number> {
  const { chatId, secret } = target;
  const unposted = store.proposalRecords({ openAt: now }).filter((r) => r.mode === 'telegram' && r.telegram === undefined);
  const runs = new Map<string, ProposalRecord[]>();
  for (const record of unposted) runs.set(record.runId, [...(runs.get(record.runId) ?? []), record]);
  let sent = 0;
  for (const [runId, records] of runs) {
    const groups = splitBatch(records);
    const runRecords = store.proposalRecords().filter((r) => r.runId === runId);
    const runPending = runRecords.filter((r) => r.status === 'pending').length;
    const view = await batchView(store, runId, target.timeZone, now);
    for (const [index, group] of groups.entries()) {
      const message = formatBatchMessage(group, { index, count: groups.length, runPending, runNonce: runRecords[0]!.nonce }, secret, view);
      const posted = await sendWithRetry(api, chatId, message.text, message.keyboard, options);
      for (const record of group) store.putProposalRecord({ ...record, telegram: { chatId, messageId: posted } });
      await store.persist();
      sent += 1;
    }
  }
  return sent;
}

async function sendWithRetry(api: Api, chatId: number, text: string, keyboard: InlineKeyboard | undefined, options: PostOptions): Promise<number> {
  const maxAttempts = options.maxAttempts ?? 5;
  const backoff = options.backoffMs ?? ((attempt: number) => 1000 * 2 ** (attempt - 1));
  for (let attempt = 1; ; attempt += 1) {
    try {
      const message = await api.sendMessage(chatId, text, { parse_mode: 'HTML', ...(keyboard === undefined ? {} : { reply_markup: keyboard }) });
      return message.message_id;
    } catch (error) {
      if (isServerError(error) && attempt < maxAttempts) {
        await new Promise((resolve) => setTimeout(resolve, backoff(attempt)));
        continue;
      }
      throw telegramFailure(error, 'posting proposals', api.token);
    }
  }
}

/**
 * A 5xx answer: Telegram's JSON envelope with `error_code` ≥ 500, or a body that is not JSON at all (a proxy's HTML
 * error page, which grammY reports as an `HttpError` wrapping node-fetch's `invalid-json` error). A plain network failure is not one.
 */
function isServerError(error: unknown): boolean {
  return (error instanceof GrammyError && error.error_code >= 500) || (error instanceof HttpError && (error.error instanceof SyntaxError || (error.error as { type?: unknown } | undefined)?.type === 'invalid-json'));
}
