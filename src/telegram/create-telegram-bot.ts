import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, type Api } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { approvalComposer } from './approval-composer.js';
import { authorizedOnly } from './authorized-only.js';
import { commandComposer } from './command-composer.js';
import { policyComposer } from './policy-composer.js';
import { redact } from './redact.js';
import { reportComposer } from './report-composer.js';
import type { BallastContext, TelegramDeps } from './telegram-deps.js';

/** Where the bot talks to: `apiRoot` (default Telegram's) and `botInfo` (skips the start-up `getMe`; tests). */
export interface BotClientOptions {
  readonly apiRoot?: string;
  readonly botInfo?: UserFromGetMe;
}

/**
 * The Ballast Telegram bot (grammY, long polling): the `authorizedOnly` guard, then the approval buttons and the
 * commands. API calls retry 429s after `retry_after` (at most 5 times, waits up to 60 s) through auto-retry; 5xx
 * and network errors are rethrown at once (posting retries 5xx itself, see `postPendingBatches`). Errors in a
 * handler are logged by message only: the token never reaches the log. Start with `bot.start()`.
 */
export function createTelegramBot(deps: TelegramDeps, client: BotClientOptions = {}): Bot<BallastContext> {
  const bot = new Bot<BallastContext>(deps.config.token, {
    ...(client.botInfo ? { botInfo: client.botInfo } : {}),
    ...(client.apiRoot ? { client: { apiRoot: client.apiRoot } } : {}),
  });
  installRetry(bot.api);
  bot.use(authorizedOnly(deps));
  bot.use(approvalComposer(deps));
  bot.use(commandComposer(deps));
  bot.use(reportComposer(deps));
  bot.use(policyComposer(deps));
  bot.catch((error) => deps.log(`telegram: update ${error.ctx.update.update_id} failed: ${redact(String((error.error as Error)?.message ?? error.error), deps.config.token)}`));
  return bot;
}

/** Installs Ballast's retry policy on an API client: 429 honoured with `retry_after`, everything else rethrown. */
export function installRetry(api: Api): void {
  api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60, rethrowInternalServerErrors: true, rethrowHttpErrors: true }));
}
