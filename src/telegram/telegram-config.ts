import { TelegramConfigError } from '../errors.js';
import { isTimeZone, timeZoneProblem } from '../time/time-zone.js';

/** What an allowlisted Telegram user may do: `approver` decides and pauses; `viewer` only reads. */
export type Role = 'approver' | 'viewer';

/**
 * Telegram settings, from the environment only (the token and secret are never written anywhere):
 * `BALLAST_TELEGRAM_TOKEN` (from BotFather), `BALLAST_CALLBACK_SECRET` (≥ 16 characters, signs button data),
 * `BALLAST_TELEGRAM_APPROVERS` and `BALLAST_TELEGRAM_VIEWERS` (comma-separated numeric user ids),
 * `BALLAST_TELEGRAM_CHAT_ID` (where proposals are posted; default: the first approver's private chat),
 * `BALLAST_TELEGRAM_TZ` (the approvers' IANA time zone, for every time the bot shows; default: `TZ`, else the
 * machine's zone).
 */
export interface TelegramConfig {
  readonly token: string;
  readonly secret: string;
  readonly chatId: number;
  readonly users: ReadonlyMap<number, Role>;
  /** The approvers' IANA time zone (valid): expiries and decision times are shown in it. */
  readonly timeZone: string;
}

/**
 * Reads the Telegram settings from `env`; undefined when `BALLAST_TELEGRAM_TOKEN` is unset or empty (Telegram off,
 * the CLI decides). Throws {@link TelegramConfigError} for a missing or short secret, no approver, a non-numeric id,
 * an id listed as both approver and viewer, or a `BALLAST_TELEGRAM_TZ` (or `TZ`) that is not an IANA zone (with a
 * did-you-mean).
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
  return { token, secret, chatId: chat ? Number(chat) : approvers[0]!, users, timeZone: approversZone(env) };
}

function userIds(value: string | undefined, name: string): number[] {
  if (!value?.trim()) return [];
  return value.split(',').map((part) => {
    const id = part.trim();
    if (!/^\d+$/.test(id)) throw new TelegramConfigError(`${name}: "${id}" is not a numeric user id`, 'list comma-separated numeric user ids (ask @userinfobot for yours)');
    return Number(id);
  });
}

/**
 * `BALLAST_TELEGRAM_TZ`, else `TZ` (a path such as `:/etc/localtime` means the machine's zone), else the machine's zone
 * (UTC when the runtime knows none).
 */
function approversZone(env: Readonly<Record<string, string | undefined>>): string {
  const own = env.BALLAST_TELEGRAM_TZ?.trim();
  const tz = env.TZ?.trim().replace(/^:/, '');
  const given = own ? { zone: own, source: 'BALLAST_TELEGRAM_TZ' } : tz && !tz.startsWith('/') ? { zone: tz, source: 'TZ' } : undefined;
  if (given === undefined) {
    const machine = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return machine && isTimeZone(machine) ? machine : 'UTC';
  }
  const wrong = timeZoneProblem(given.zone, given.source);
  if (wrong !== undefined) throw new TelegramConfigError(wrong.problem, wrong.action);
  return given.zone;
}
