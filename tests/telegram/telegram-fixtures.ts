import type { QuoteSource } from '../../src/approval/approval-service.js';
import { ApprovalService } from '../../src/approval/approval-service.js';
import type { Store } from '../../src/store/store.js';
import { createTelegramBot } from '../../src/telegram/create-telegram-bot.js';
import type { TelegramConfig } from '../../src/telegram/telegram-config.js';
import type { TelegramDeps } from '../../src/telegram/telegram-deps.js';
import type { BotApiServer } from '../support/bot-api-server.js';

/** The approver (Ana), a viewer (Vic) and the chat proposals are posted to (Ana's private chat). */
export const ANA_ID = 1001;
export const VIC_ID = 2002;
export const STRANGER_ID = 6666;
export const CHAT = ANA_ID;
export const SECRET = 'test-secret-0123456789abcdef';

/** The approvers' time zone in these tests (UTC+1 in November, so a time shown in UTC would be an hour off). */
export const ZONE = 'Europe/Berlin';

/** Test settings for the server's token. */
export function testConfig(server: BotApiServer): TelegramConfig {
  return { token: server.token, secret: SECRET, chatId: CHAT, users: new Map([[ANA_ID, 'approver'], [VIC_ID, 'viewer']]), timeZone: ZONE };
}

/** A running bot against the test server, with a settable clock and a captured log. */
export interface RunningBot {
  readonly deps: TelegramDeps;
  readonly logs: string[];
  setNow(date: Date): void;
  stop(): Promise<void>;
}

/** Starts the real grammY bot (long polling) against `server` and waits until it polls. */
export async function startBot(server: BotApiServer, store: Store, quotes: QuoteSource, now: Date, options: Partial<Pick<TelegramDeps, 'floodWindowMs' | 'policiesInForce'>> = {}): Promise<RunningBot> {
  let clock = now;
  const logs: string[] = [];
  const deps: TelegramDeps = { config: testConfig(server), service: new ApprovalService(store, quotes), store, quotes, now: () => clock, log: (l) => logs.push(l), nextRuns: async () => [], policiesInForce: async () => [], ...options };
  const bot = createTelegramBot(deps, { apiRoot: server.apiRoot, botInfo: server.botInfo });
  let started!: () => void;
  const onStart = new Promise<void>((resolve) => (started = resolve));
  const running = bot.start({ timeout: 30, onStart: () => started() });
  await onStart;
  return {
    deps,
    logs,
    setNow: (date) => (clock = date),
    stop: async () => {
      await bot.stop();
      await running;
    },
  };
}
