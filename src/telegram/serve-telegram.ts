import type { ProposalRecord } from '../approval/proposal-record.js';
import type { RunNotifier } from '../serve/run-notifier.js';
import { createTelegramBot, type BotClientOptions } from './create-telegram-bot.js';
import { launchBot, type LaunchedBot } from './launch-bot.js';
import { refreshMessages } from './refresh-messages.js';
import type { TelegramDeps } from './telegram-deps.js';
import { telegramNotifier } from './telegram-notifier.js';

/** The bot as `ballast serve` hosts it. */
export interface ServeTelegram {
  /** Posts each run's proposals and reports invalid edits and failed slots in the chat. Usable before `launch`. */
  readonly notifier: RunNotifier;
  /** Re-renders the messages of records decided or expired elsewhere (console, expiry timer). */
  refresh(records: readonly ProposalRecord[]): Promise<void>;
  /** Posts what is unposted, registers the commands and starts polling; a bot that stops later is logged, not fatal. */
  launch(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The Telegram side of `ballast serve`: one grammY bot (long polling) sharing the daemon's approval service and
 * store (`deps.log` must already be free of the token), so a button, a console command and `approval.mode: auto` decide through the same first-decision-wins
 * service. Throws from `launch` when the bot cannot start (e.g. the token is refused).
 */
export function serveTelegram(deps: TelegramDeps, client: BotClientOptions = {}): ServeTelegram {
  const { config, store, log } = deps;
  const bot = createTelegramBot(deps, client);
  let launched: LaunchedBot | undefined;
  return {
    notifier: telegramNotifier(bot.api, store, config, deps.now),
    refresh: (records) => refreshMessages(bot.api, store, records, config, deps.now()),
    async launch() {
      launched = await launchBot(bot, deps);
      for (const warning of launched.warnings) log(`telegram: ${warning}`);
      launched.polling.catch((error: unknown) => log(`telegram: the bot stopped (${(error as Error).message}); scheduled runs go on, decide in the console`));
      log(`telegram: bot polling in chat ${config.chatId} · ${launched.posted} message${launched.posted === 1 ? '' : 's'} posted at start`);
    },
    async stop() {
      await launched?.stop();
    },
  };
}
