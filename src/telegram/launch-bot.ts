import type { Bot } from 'grammy';
import type { ApprovalService } from '../approval/approval-service.js';
import type { Store } from '../store/store.js';
import { BOT_COMMANDS } from './command-composer.js';
import { postPendingBatches } from './post-batches.js';
import { telegramFailure } from './telegram-failure.js';
import type { TelegramConfig } from './telegram-config.js';
import type { BallastContext } from './telegram-deps.js';

/** A bot that polls: how many messages it posted on start, what went wrong on the way, and how to stop it. */
export interface LaunchedBot {
  readonly posted: number;
  /** Problems that did not stop the bot (posting or registering commands failed), token redacted. */
  readonly warnings: readonly string[];
  /** Resolves when polling ends: after `stop`, or rejects when it failed (e.g. a revoked token). */
  readonly polling: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts a bot made by `createTelegramBot`: expires overdue proposals, posts every pending Telegram proposal not yet
 * posted (a failure is a warning; they are posted after the next run or at the next start), registers the commands,
 * then starts long polling and resolves once the bot is initialised. Rejects when the bot cannot start: `TELEGRAM_REFUSED`
 * (e.g. the token is refused) or `TELEGRAM_UNAVAILABLE` (no network), with the token redacted.
 */
export async function launchBot(bot: Bot<BallastContext>, deps: { readonly service: ApprovalService; readonly store: Store; readonly config: TelegramConfig; readonly now: () => Date }): Promise<LaunchedBot> {
  const { config } = deps;
  const warnings: string[] = [];
  const attempt = async <T>(what: string, call: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await call();
    } catch (error) {
      warnings.push(telegramFailure(error, what, config.token).message);
      return undefined;
    }
  };
  await deps.service.expireDue(deps.now());
  const posted = (await attempt('posting pending proposals (they are posted after the next run or at the next start)', () => postPendingBatches(bot.api, deps.store, config, deps.now()))) ?? 0;
  await attempt('registering the commands', () => bot.api.setMyCommands([...BOT_COMMANDS]));
  let started!: () => void;
  const onStart = new Promise<void>((resolve) => (started = resolve));
  const polling = bot.start({ drop_pending_updates: false, onStart: () => started() });
  try {
    await Promise.race([onStart, polling]);
  } catch (error) {
    throw telegramFailure(error, 'starting the Telegram bot', config.token);
  }
  return {
    posted,
    warnings,
    polling,
    stop: async () => {
      if (bot.isRunning()) await bot.stop();
      await polling.catch(() => undefined);
    },
  };
}
