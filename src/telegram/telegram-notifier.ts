import type { Api } from 'grammy';
import type { RunNotifier } from '../serve/run-notifier.js';
import { describeInvalidPolicy } from '../text/describe-invalid-policy.js';
import type { Store } from '../store/store.js';
import { postPendingBatches, type PostOptions } from './post-batches.js';
import { sendHtml } from './reply-html.js';
import type { TelegramConfig } from './telegram-config.js';

/**
 * The daemon's Telegram reports, to the configured chat: after each scheduled run, every pending
 * `approval.mode: telegram` proposal not yet posted goes out with its buttons ({@link postPendingBatches}); an
 * invalid policy edit is reported with `file:line:col` and the revision that keeps running; a failed slot says why.
 * Sent as HTML with every text escaped (a diagnostic may quote a `<` from the file). Errors are thrown to the daemon, which logs them; an unposted proposal is posted after the next run or at start.
 */
export function telegramNotifier(api: Api, store: Store, config: TelegramConfig, now: () => Date, options: PostOptions = {}): RunNotifier {
  const send = (text: string): Promise<void> => sendHtml((chunk, options) => api.sendMessage(config.chatId, chunk, options), text);
  return {
    async runFinished() {
      await postPendingBatches(api, store, config, now(), options);
    },
    async policyInvalid(file, diagnostics, kept) {
      await send(`⚠️ ${describeInvalidPolicy(file, diagnostics, kept)}`);
    },
    async runFailed(slot, error) {
      await send(`⚠️ scheduled run ${slot.key} failed: ${error.message}`);
    },
  };
}
