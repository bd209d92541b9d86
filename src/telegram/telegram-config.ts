import { TelegramConfigError } from '../errors.js';

/** What an allowlisted Telegram user may do: `approver` decides and pauses; `viewer` only reads. */
export type Role = 'approver' | 'viewer';

/**
 * Telegram settings, from the environment only (the token and secret are never written anywhere):
 * `BALLAST_TELEGRAM_TOKEN` (from BotFather), `BALLAST_CALLBACK_SECRET` (≥ 16 characters, signs button data),
 * `BALLAST_TELEGRAM_APPROVERS` and `BALLAST_TELEGRAM_VIEWERS` (comma-separated numeric user ids),
 * `BALLAST_TELEGRAM_CHAT_ID` (where proposals are posted; default: the first approver's private chat).
 */
export interface TelegramConfig {
  readonly token: string;
  readonly secret: string;
  readonly chatId: number;
  readonly users: ReadonlyMap<number, Role>;
}

/**
 * Reads the Telegram settings from `env`; undefined when `BALLAST_TELEGRAM_TOKEN` is unset or empty (Telegram off,
 * the CLI decides). Throws {@link TelegramConfigError} for a missing or short secret, no approver, a non-numeric id,
 * or an id listed as both approver and viewer.
 */
export function readTelegramConfig(env: Readonly<Record<string, string | undefined>>): TelegramConfig | undefined {
  const token = env.BALLAST_TELEGRAM_TOKEN?.trim();
  if (!token) return undefined;
  const secret = env.BALLAST_CALLBACK_SECRET ?? '';
  if (secret.length < 16) {
    throw new TelegramConfigError('BALLAST_CALLBACK_SECRET must be set when BALLAST_TELEGRAM_TOKEN is set', 'set it to at least 16 random characters (e.g. `openssl rand -hex 32`)');
  }
  const approvers = userIds(env.BALLAST_TELEGRAM_APPROVERS, 'BALLAST_TELEGRAM_APPROVERS');
  const viewers = userIds(env.BALLAST_TELEGRAM_VIEWERS, 'BALLAST_TELEGRAM_VIEWERS');
  if (approvers.length === 0) {
    throw new TelegramConfigError('BALLAST_TELEGRAM_APPROVERS lists nobody.', 'List at least one numeric Telegram user id (comma-separated); see README "Approving from Telegram".');
  }
  const users = new Map<number, Role>();
  for (const id of approvers) users.set(id, 'approver');
  for (const id of viewers) {
    if (users.has(id)) throw new TelegramConfigError(`user ${id} is in both BALLAST_TELEGRAM_APPROVERS and BALLAST_TELEGRAM_VIEWERS`, 'keep it in one');
    users.set(id, 'viewer');
  }
  const chat = env.BALLAST_TELEGRAM_CHAT_ID?.trim();
  if (chat && !/^-?\d+$/.test(chat)) throw new TelegramConfigError(`BALLAST_TELEGRAM_CHAT_ID is "${chat}".`, 'Set it to a numeric chat id (a group id is negative).');
  return { token, secret, chatId: chat ? Number(chat) : approvers[0]!, users };
}

function userIds(value: string | undefined, name: string): number[] {
  if (!value?.trim()) return [];
  return value.split(',').map((part) => {
    const id = part.trim();
    if (!/^\d+$/.test(id)) throw new TelegramConfigError(`${name}: "${id}" is not a numeric user id`, 'list comma-separated numeric user ids (ask @userinfobot for yours)');
    return Number(id);
  });
}
