import type { InlineKeyboardButton, InlineKeyboardMarkup, MessageEntity } from 'grammy/types';
import { badRequest } from './bot-api-errors.js';
import { readString, type Params } from './bot-api-params.js';
import { parseHtml } from './parse-html.js';

/** Most characters (UTF-16 code units, as JS counts them) a message text may have: 4096 (Bot API sendMessage). */
export const MAX_TEXT_LENGTH = 4096;
/** Most bytes (UTF-8) a button's `callback_data` may have: 64 (Bot API InlineKeyboardButton). */
export const MAX_CALLBACK_DATA_BYTES = 64;

/**
 * Checks a message text as Telegram does: 1–4096 characters and not only whitespace.
 * Throws 400 "message text is empty" or "message is too long".
 */
export function validateText(text: string | undefined): string {
  if (text === undefined || text.trim() === '') throw badRequest('message text is empty');
  if (text.length > MAX_TEXT_LENGTH) throw badRequest('message is too long');
  return text;
}

/**
 * Reads the `text` of sendMessage / editMessageText as Telegram stores it: with `parse_mode: 'HTML'` the tags become
 * entities (see `parseHtml`; 400 "can't parse entities" for bad markup, e.g. an unescaped `<`) and the 4,096-character
 * limit applies to the text after parsing, as Telegram counts it. Other parse modes are refused (this server does not
 * read Markdown).
 */
export function readFormattedText(p: Params): { text: string; entities?: MessageEntity[] | undefined; parseMode?: string | undefined } {
  const raw = readString(p, 'text');
  const mode = readString(p, 'parse_mode');
  if (mode === undefined || mode === '') return { text: validateText(raw) };
  if (mode !== 'HTML') throw badRequest(`unsupported parse_mode "${mode}" in the test server`);
  const parsed = parseHtml(validateRaw(raw));
  return { text: validateText(parsed.text), ...(parsed.entities.length > 0 ? { entities: parsed.entities } : {}), parseMode: mode };
}

function validateRaw(text: string | undefined): string {
  if (text === undefined || text.trim() === '') throw badRequest('message text is empty');
  return text;
}

/**
 * Reads a `reply_markup` and returns its inline keyboard, or undefined when there is none (absent, an empty
 * keyboard, or another markup kind, which this server accepts and ignores).
 * Throws 400 "BUTTON_DATA_INVALID" when a `callback_data` is not 1–64 bytes, and the Telegram message for a
 * button without any action.
 */
export function readInlineKeyboard(markup: unknown): InlineKeyboardMarkup | undefined {
  if (markup === undefined) return undefined;
  if (typeof markup !== 'object' || markup === null) throw badRequest("can't parse reply keyboard markup JSON object");
  const rows = (markup as { inline_keyboard?: unknown }).inline_keyboard;
  if (rows === undefined) return undefined;
  if (!Array.isArray(rows) || !rows.every((row) => Array.isArray(row))) {
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
  }
  const keyboard = (rows as unknown[][]).map((row) => row.map(validateButton));
  if (keyboard.every((row) => row.length === 0)) return undefined;
  return { inline_keyboard: keyboard };
}

function validateButton(button: unknown): InlineKeyboardButton {
  if (typeof button !== 'object' || button === null) throw badRequest("can't parse inline keyboard button");
  const b = button as Record<string, unknown>;
  if (typeof b.text !== 'string' || b.text === '') throw badRequest("can't parse inline keyboard button: Field \"text\" must be of type String");
  if (b.callback_data !== undefined) {
    const bytes = typeof b.callback_data === 'string' ? Buffer.byteLength(b.callback_data, 'utf8') : 0;
    if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) throw badRequest('BUTTON_DATA_INVALID');
    return b as unknown as InlineKeyboardButton;
  }
  const actions = ['url', 'login_url', 'web_app', 'switch_inline_query', 'switch_inline_query_current_chat',
    'switch_inline_query_chosen_chat', 'copy_text', 'callback_game', 'pay'];
  if (!actions.some((key) => b[key] !== undefined)) {
    throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  }
  return b as unknown as InlineKeyboardButton;
}

/** True when two (text, entities, keyboard) triples are the same content: the case Telegram refuses as "not modified". */
export function sameContent(
  a: { readonly text: string; readonly entities?: MessageEntity[] | undefined; readonly reply_markup?: InlineKeyboardMarkup | undefined },
  b: { readonly text: string; readonly entities?: MessageEntity[] | undefined; readonly reply_markup?: InlineKeyboardMarkup | undefined },
): boolean {
  return a.text === b.text && canonicalJson(a.entities ?? []) === canonicalJson(b.entities ?? []) && canonicalJson(a.reply_markup) === canonicalJson(b.reply_markup);
}

/** JSON with object keys sorted, so equal values give equal strings whatever the key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  ) ?? 'null';
}

/**
 * The `bot_command` entity of a text that starts with a command (`/status` or `/status@bot`), as Telegram
 * adds it; undefined otherwise. Offsets and lengths are in UTF-16 code units.
 */
export function commandEntities(text: string): MessageEntity[] | undefined {
  const match = /^\/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,64})?/.exec(text);
  return match === null ? undefined : [{ type: 'bot_command', offset: 0, length: match[0].length }];
}

/** True when the keyboard has a button whose `callback_data` is `data`. */
export function hasCallbackButton(keyboard: InlineKeyboardMarkup | undefined, data: string): boolean {
  return keyboard?.inline_keyboard.some((row) => row.some((b) => 'callback_data' in b && b.callback_data === data)) ?? false;
}
