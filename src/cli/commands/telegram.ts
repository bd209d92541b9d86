import { Api } from 'grammy';
import { ApprovalService } from '../../approval/approval-service.js';
import { Store } from '../../store/store.js';
import { createTelegramBot, installRetry } from '../../telegram/create-telegram-bot.js';
import { redact } from '../../telegram/redact.js';
import { launchBot } from '../../telegram/launch-bot.js';
import { postPendingBatches } from '../../telegram/post-batches.js';
import { TelegramConfigError } from '../../errors.js';
import { readTelegramConfig, type TelegramConfig } from '../../telegram/telegram-config.js';
import type { CliIo } from '../cli-io.js';
import { dataDir } from '../data-dir.js';
import { EXIT } from '../exit-codes.js';
import { runQuotes } from '../run-quotes.js';
import { loadActivePolicies } from './load-active-policies.js';
import type { ActivePolicy } from '../../serve/policy-registry.js';
import { scheduleOverview, type ScheduleRow } from '../../serve/schedule-overview.js';

/** Options of `ballast telegram`. */
export interface TelegramOptions {
  /** The policy folder, for /next. */
  readonly policies: string;
  readonly dataDir?: string;
  /** Price panel for re-checking prices; default: the runs' prices files. */
  readonly prices?: string;
  /** Resolves when the bot should stop (default: SIGINT or SIGTERM). */
  readonly until?: Promise<void>;
}

/**
 * `ballast telegram`: runs the Telegram bot with long polling until interrupted. On start it posts every pending
 * `approval.mode: telegram` proposal not yet posted, registers the commands, then answers buttons and commands.
 * Needs `BALLAST_TELEGRAM_TOKEN`, `BALLAST_CALLBACK_SECRET` and `BALLAST_TELEGRAM_APPROVERS` (README). Exit 0 on a
 * clean stop, 1 on a configuration problem.
 */
export async function telegramCommand(options: TelegramOptions, io: CliIo): Promise<number> {
  const config = readTelegramConfig(io.env);
  if (config === undefined) throw new TelegramConfigError('BALLAST_TELEGRAM_TOKEN is not set.', 'See README "Approving from Telegram"; without it, decide with `ballast approve`.');
  const store = await Store.open(dataDir(io, options.dataDir), 'telegram');
  try {
    return await serve(config, store, options, io);
  } finally {
    await store.close();
  }
}

async function serve(config: TelegramConfig, store: Store, options: TelegramOptions, io: CliIo): Promise<number> {
  const quotes = await runQuotes(store, io.cwd, options.prices);
  const service = new ApprovalService(store, quotes);
  const log = (line: string): void => io.stderr(redact(line, config.token));
  const policiesInForce = async (): Promise<ActivePolicy[]> => (await loadActivePolicies(options.policies, io)).active;
  const nextRuns = async (): Promise<ScheduleRow[]> => scheduleOverview(await policiesInForce(), store, io.now());
  const bot = createTelegramBot({ config, service, store, quotes, now: io.now, log, nextRuns, policiesInForce }, apiRootOf(io.env));
  const launched = await launchBot(bot, { service, store, config, now: io.now });
  for (const warning of launched.warnings) log(warning);
  io.stdout(`Ballast bot running (long polling) · ${launched.posted} new message${launched.posted === 1 ? '' : 's'} posted to chat ${config.chatId} · ${config.users.size} allowlisted user(s). Ctrl-C stops it.`);
  await Promise.race([options.until ?? untilSignal(), launched.polling]);
  await launched.stop();
  return EXIT.ok;
}

/**
 * Posts pending Telegram proposals right after `ballast run` when a token is configured, with a one-off API client.
 * Returns a line for the run's output; a failure is reported, not thrown (the bot posts them when it starts).
 */
export async function postAfterRun(config: TelegramConfig, store: Store, io: CliIo): Promise<string> {
  const root = apiRootOf(io.env).apiRoot;
  const api = new Api(config.token, root ? { apiRoot: root } : undefined);
  installRetry(api);
  try {
    const posted = await postPendingBatches(api, store, config, io.now());
    return `${posted} Telegram message${posted === 1 ? '' : 's'} posted to chat ${config.chatId}`;
  } catch (error) {
    return `could not post to Telegram (${redact((error as Error).message, config.token)}); \`ballast telegram\` posts them when it starts`;
  }
}

/** `BALLAST_TELEGRAM_API_ROOT` (a local Bot API server, or the test server), else Telegram's. */
export function apiRootOf(env: Readonly<Record<string, string | undefined>>): { apiRoot?: string } {
  const root = env.BALLAST_TELEGRAM_API_ROOT?.trim();
  return root ? { apiRoot: root } : {};
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
