import { Api } from 'grammy';
import { resolve, relative } from 'node:path';
import { FatalError, UsageError } from '../../errors.js';
import { parseBrokerPositions } from '../../market/parse-broker-positions.js';
import { panelQuotes } from '../../market/panel-quotes.js';
import { marks } from '../../portfolio/marks.js';
import { reconcilePositions } from '../../portfolio/reconcile-positions.js';
import { Store } from '../../store/store.js';
import { installRetry } from '../../telegram/create-telegram-bot.js';
import { redact } from '../../telegram/redact.js';
import { sendHtml } from '../../telegram/reply-html.js';
import { readTelegramConfig } from '../../telegram/telegram-config.js';
import { formatReconciliation } from '../../text/format-reconciliation.js';
import { escapeHtml } from '../../text/telegram-html.js';
import { loadPricePanel } from '../../workspace/load-price-panel.js';
import { readInput } from '../../workspace/read-input.js';
import type { CliIo } from '../cli-io.js';
import { dataDir } from '../data-dir.js';
import { EXIT } from '../exit-codes.js';
import { knownPolicy } from '../known-policy.js';
import { apiRootOf } from './telegram.js';

/** Exit code of `ballast reconcile` when the account and the broker differ above the threshold. */
export const RECONCILE_DIFFERENCES = 2;

/** Options of `ballast reconcile`. */
export interface ReconcileOptions {
  /** The broker's export: `symbol,quantity[,price]`, cash as a `CASH` row. */
  readonly positions: string;
  /** The policy whose paper account to compare; default: the only account in the database. */
  readonly policy?: string;
  /** The paper account by its id (the older spelling, kept hidden). */
  readonly account?: string;
  /** Report differences above this percent (of the larger quantity, or of equity for values). Default 1. */
  readonly thresholdPct?: number;
  /** Price panel to value differences; default: the prices file of the account's latest run. */
  readonly prices?: string;
  readonly json: boolean;
  readonly dataDir?: string;
}

/**
 * `ballast reconcile --positions broker.csv`: compares a paper account's positions and cash with a broker's export
 * (note 000), reports every difference above the threshold by quantity and by value, and posts them to Telegram when
 * `BALLAST_TELEGRAM_TOKEN` is set. Reads the database only. Exit 0 (no differences), 2 (differences), 1 (error).
 */
export async function reconcileCommand(options: ReconcileOptions, io: CliIo): Promise<number> {
  const store = await Store.open(dataDir(io, options.dataDir));
  const accounts = store.accountIds();
  const named = options.policy === undefined ? options.account : (await knownPolicy(store, options.policy)).accountId;
  const accountId = named ?? (accounts.length === 1 ? accounts[0] : undefined);
  if (accountId === undefined) {
    throw new UsageError(`the database holds ${accounts.length === 0 ? 'no paper accounts' : `several paper accounts (${accounts.join(', ')})`}`, accounts.length === 0 ? '`ballast run` opens one per policy' : 'name its policy with --policy <id>');
  }
  const account = store.account(accountId);
  if (account === undefined) throw new FatalError('UNKNOWN_ACCOUNT', `no paper account ${accountId} in ${store.location}`, `the accounts are ${accounts.join(', ') || 'none yet'}`);
  const path = resolve(io.cwd, options.positions);
  const shown = relative(io.cwd, path) || path;
  const broker = parseBrokerPositions(shown, await readInput(path, shown));
  const [run] = await store.runSummaries({ accountId, limit: 1 });
  const pricesFile = options.prices ?? run?.pricesFile;
  const quotes = pricesFile === undefined ? () => undefined : panelQuotes(await loadPricePanel(resolve(io.cwd, pricesFile), io.cwd), run?.asOf);
  const brokerPrice = new Map(broker.positions.map((p) => [p.symbol, p.price]));
  const quote = (symbol: string): number | undefined => quotes(symbol, io.now()) ?? brokerPrice.get(symbol);
  const held = marks(account, quote);
  const price = (symbol: string): number => held.get(symbol) ?? quote(symbol) ?? 0;
  const result = reconcilePositions(account, broker, price, options.thresholdPct ?? 1);
  const text = formatReconciliation(result, account.baseCurrency, shown);
  if (options.json) io.stdout(JSON.stringify(result, null, 2));
  else io.stdout(text);
  const telegram = readTelegramConfig(io.env);
  if (telegram !== undefined && result.differences > 0) {
    const root = apiRootOf(io.env).apiRoot;
    const api = new Api(telegram.token, root ? { apiRoot: root } : undefined);
    installRetry(api);
    try {
      const [head, ...rows] = text.split('\n');
      await sendHtml((part, sendOptions) => api.sendMessage(telegram.chatId, part, sendOptions), [{ html: escapeHtml(`⚠️ Reconciliation: ${head}`) }, { pre: rows.join('\n') }]);
      if (!options.json) io.stdout(`posted to Telegram chat ${telegram.chatId}`);
    } catch (error) {
      io.stderr(`could not post the differences to Telegram: ${redact((error as Error).message, telegram.token)}`);
    }
  }
  return result.differences > 0 ? RECONCILE_DIFFERENCES : EXIT.ok;
}
