import type { BotCommand, Chat, InlineKeyboardMarkup, Message, MessageEntity, Update, User, UserFromGetMe } from 'grammy/types';
import { BotApiError, BotApiHarnessError, badRequest } from './bot-api-errors.js';
import { readBool, readInt, readJson, readString, type Params } from './bot-api-params.js';
import type {
  CallbackQueryView,
  ChatMessageView,
  PressButtonInput,
  RateLimitOptions,
  SendTextInput,
} from './bot-api-types.js';
import { commandEntities, hasCallbackButton, readFormattedText, readInlineKeyboard, sameContent } from './message-content.js';
import { pngSize } from './png-image.js';
import type { UploadedFile } from './read-multipart.js';
import type { UpdateQueue } from './update-queue.js';

/** The methods this server knows besides `getUpdates`, which the HTTP layer answers through the update queue. */
export const STATE_METHODS = [
  'getMe', 'deleteWebhook', 'sendMessage', 'sendPhoto', 'editMessageText', 'editMessageReplyMarkup',
  'answerCallbackQuery', 'setMyCommands', 'deleteMessage',
] as const;

/** Telegram's limit on a media caption, in characters. */
const CAPTION_MAX_CHARS = 1024;

/** Telegram's answer when an edit changes nothing (Bot API, editMessageText / editMessageReplyMarkup). */
const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

/** Dependencies and settings of `BotApiState`. */
export interface BotApiStateOptions {
  readonly botInfo: UserFromGetMe;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  readonly queue: UpdateQueue;
  readonly rateLimit?: RateLimitOptions | undefined;
  readonly knownChats?: readonly number[] | undefined;
  /** Called after every change of messages or callback queries. */
  readonly onChange: () => void;
}

interface StoredMessage {
  readonly message_id: number;
  readonly chatId: number;
  readonly from: User;
  readonly date: number;
  entities?: MessageEntity[] | undefined;
  /** `HTML` when the text was sent with that parse mode (its tags are then in `entities`). */
  parseMode?: string | undefined;
  text: string;
  /** A photo message's image (its `text` is then empty) and caption. */
  readonly photo?: { readonly bytes: Buffer; readonly width: number; readonly height: number; readonly filename: string };
  readonly caption?: string;
  reply_markup?: InlineKeyboardMarkup | undefined;
  edit_date?: number;
  editCount: number;
  deleted: boolean;
}

interface StoredQuery {
  readonly id: string;
  readonly chatId: number;
  readonly messageId: number;
  readonly fromUserId: number;
  readonly data: string;
  answer?: { readonly text?: string; readonly show_alert?: boolean };
}

/**
 * The simulated Telegram side: chats, messages, callback queries and commands, and the Bot API methods that act
 * on them. Errors are thrown as `BotApiError` with Telegram's own descriptions (core.telegram.org/bots/api).
 */
export class BotApiState {
  readonly #o: BotApiStateOptions;
  readonly #messages = new Map<number, StoredMessage[]>();
  readonly #queries = new Map<string, StoredQuery>();
  readonly #recentSends = new Map<number, number[]>();
  #commands: BotCommand[] = [];
  #nextQueryId = 1;

  constructor(options: BotApiStateOptions) {
    this.#o = options;
  }

  /** Carries out one method call and returns its `result`; throws `BotApiError` for an error answer. */
  invoke(method: (typeof STATE_METHODS)[number], p: Params): unknown {
    switch (method) {
      case 'getMe':
        return this.#o.botInfo;
      case 'deleteWebhook':
        if (readBool(p, 'drop_pending_updates')) this.#o.queue.dropAll();
        return true;
      case 'sendMessage':
        return this.#sendMessage(p);
      case 'sendPhoto':
        return this.#sendPhoto(p);
      case 'editMessageText':
        return this.#edit(p, readFormattedText(p));
      case 'editMessageReplyMarkup':
        return this.#edit(p, undefined);
      case 'answerCallbackQuery':
        return this.#answerCallbackQuery(p);
      case 'setMyCommands':
        return this.#setMyCommands(p);
      case 'deleteMessage': {
        const message = this.#find(this.#chatId(p), readInt(p, 'message_id', true) ?? 0);
        if (message === undefined) throw badRequest('message to delete not found');
        message.deleted = true;
        this.#o.onChange();
        return true;
      }
    }
  }

  /** The chat's current messages, oldest first. */
  messages(chatId: number): ChatMessageView[] {
    return (this.#messages.get(chatId) ?? []).filter((m) => !m.deleted).map((m) => ({
      message_id: m.message_id,
      chatId: m.chatId,
      text: m.text,
      ...(m.entities === undefined ? {} : { entities: m.entities }),
      ...(m.parseMode === undefined ? {} : { parseMode: m.parseMode }),
      ...(m.photo === undefined ? {} : { photo: m.photo }),
      ...(m.caption === undefined ? {} : { caption: m.caption }),
      ...(m.reply_markup === undefined ? {} : { reply_markup: m.reply_markup }),
      fromBot: m.from.is_bot,
      fromUserId: m.from.id,
      date: m.date,
      ...(m.edit_date === undefined ? {} : { edit_date: m.edit_date }),
      editCount: m.editCount,
    }));
  }

  /** A callback query created by `pressButton`, or undefined. */
  callbackQuery(id: string): CallbackQueryView | undefined {
    const q = this.#queries.get(id);
    if (q === undefined) return undefined;
    const { answer, ...rest } = q;
    return { ...rest, answered: answer !== undefined, ...(answer === undefined ? {} : { answer }) };
  }

  /** Commands of the default scope, as last set. */
  commands(): BotCommand[] {
    return [...this.#commands];
  }

  /**
   * A simulated user presses an inline button: enqueues a `callback_query` update carrying the message as it
   * stands now. Throws `UNKNOWN_MESSAGE`, or `NO_SUCH_BUTTON` when the message has no button with that data
   * (unless `force`).
   */
  pressButton(input: PressButtonInput): string {
    const message = this.#find(input.chatId, input.messageId);
    if (message === undefined) {
      throw new BotApiHarnessError('UNKNOWN_MESSAGE', `No message ${input.messageId} in chat ${input.chatId}; check the ids from server.messages(chatId).`, { ...input });
    }
    if (!input.force && !hasCallbackButton(message.reply_markup, input.data)) {
      throw new BotApiHarnessError('NO_SUCH_BUTTON', `Message ${input.messageId} has no button with callback_data "${input.data}" now; pass force: true to simulate a stale client.`, { ...input });
    }
    const id = String(4_000_000_000_000 + this.#nextQueryId++);
    this.#queries.set(id, { id, chatId: input.chatId, messageId: input.messageId, fromUserId: input.fromUserId, data: input.data });
    this.#o.queue.push({
      callback_query: {
        id,
        from: userOf(input.fromUserId),
        message: this.#toMessage(message),
        chat_instance: `ci${Math.abs(input.chatId)}`,
        data: input.data,
      },
    });
    this.#o.onChange();
    return id;
  }

  /** A simulated user writes `text`: stores the message and enqueues a `message` update; returns its id. */
  sendText(input: SendTextInput): number {
    const entities = commandEntities(input.text);
    const message = this.#store(input.chatId, userOf(input.fromUserId), input.text, undefined, entities);
    this.#o.queue.push({ message: this.#toMessage(message) as NonNullable<Update['message']> });
    this.#o.onChange();
    return message.message_id;
  }

  #sendMessage(p: Params): Message {
    const chatId = this.#chatId(p);
    const { text, entities, parseMode } = readFormattedText(p);
    const keyboard = readInlineKeyboard(readJson(p, 'reply_markup'));
    this.#checkRate(chatId);
    const message = this.#store(chatId, this.#o.botInfo, text, keyboard, entities);
    message.parseMode = parseMode;
    this.#o.onChange();
    return this.#toMessage(message);
  }

  /**
   * sendPhoto with an uploaded PNG (`photo` as a file part, or `attach://<part>` as grammY sends it): checks what
   * Telegram checks (a decodable image, width + height ≤ 10,000, sides at most 20:1, caption ≤ 1,024 characters).
   * A `file_id` or URL is refused: this server keeps no files to send again. JPEG is not read here.
   */
  #sendPhoto(p: Params): Message {
    const chatId = this.#chatId(p);
    const file = uploadedFile(p, 'photo');
    const size = pngSize(file.bytes);
    if (size === undefined) throw badRequest('IMAGE_PROCESS_FAILED');
    if (size.width + size.height > 10_000 || Math.max(size.width, size.height) > 20 * Math.min(size.width, size.height)) {
      throw badRequest('PHOTO_INVALID_DIMENSIONS');
    }
    const caption = readString(p, 'caption');
    if (caption !== undefined && caption.length > CAPTION_MAX_CHARS) throw badRequest('message caption is too long');
    this.#checkRate(chatId);
    const message = this.#store(chatId, this.#o.botInfo, '', undefined, undefined, { photo: { bytes: file.bytes, ...size, filename: file.filename }, caption });
    this.#o.onChange();
    return this.#toMessage(message);
  }

  /** editMessageText (`content` given) or editMessageReplyMarkup (`content` undefined): a missing keyboard removes it. */
  #edit(p: Params, content: { text: string; entities?: MessageEntity[] | undefined; parseMode?: string | undefined } | undefined): Message {
    const chatId = this.#chatId(p);
    const keyboard = readInlineKeyboard(readJson(p, 'reply_markup'));
    const message = this.#find(chatId, readInt(p, 'message_id', true) ?? 0);
    if (message === undefined) throw badRequest('message to edit not found');
    if (!message.from.is_bot) throw badRequest("message can't be edited");
    if (message.photo !== undefined && content !== undefined) throw badRequest('there is no text in the message to edit');
    const next = content === undefined ? { text: message.text, entities: message.entities, reply_markup: keyboard } : { ...content, reply_markup: keyboard };
    if (sameContent(message, next)) throw badRequest(NOT_MODIFIED);
    this.#checkRate(chatId);
    message.text = next.text;
    message.entities = next.entities;
    if (content !== undefined) message.parseMode = content.parseMode;
    message.reply_markup = next.reply_markup;
    message.edit_date = Math.floor(this.#o.now() / 1000);
    message.editCount += 1;
    this.#o.onChange();
    return this.#toMessage(message);
  }

  #answerCallbackQuery(p: Params): true {
    const id = readString(p, 'callback_query_id');
    const query = id === undefined ? undefined : this.#queries.get(id);
    if (query === undefined || query.answer !== undefined) {
      throw badRequest('query is too old and response timeout expired or query ID is invalid');
    }
    const text = readString(p, 'text');
    if (text !== undefined && text.length > 200) throw badRequest('MESSAGE_TOO_LONG');
    query.answer = { ...(text === undefined ? {} : { text }), ...(readBool(p, 'show_alert') ? { show_alert: true } : {}) };
    this.#o.onChange();
    return true;
  }

  #setMyCommands(p: Params): true {
    const commands = readJson(p, 'commands');
    if (!Array.isArray(commands) || commands.length > 100) throw badRequest('BOT_COMMAND_INVALID');
    for (const c of commands as unknown[]) {
      const { command, description } = (c ?? {}) as { command?: unknown; description?: unknown };
      if (typeof command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest('BOT_COMMAND_INVALID');
      if (typeof description !== 'string' || description.length < 1 || description.length > 256) {
        throw badRequest('command description must be non-empty');
      }
    }
    const scope = readJson(p, 'scope') as { type?: string } | undefined;
    if ((scope === undefined || scope.type === 'default') && readString(p, 'language_code') === undefined) {
      this.#commands = (commands as BotCommand[]).map((c) => ({ command: c.command, description: c.description }));
    }
    return true;
  }

  #chatId(p: Params): number {
    const raw = p.chat_id;
    if (typeof raw === 'string' && raw.startsWith('@')) throw badRequest('chat not found');
    const chatId = readInt(p, 'chat_id', true) ?? 0;
    if (this.#o.knownChats !== undefined && !this.#o.knownChats.includes(chatId)) throw badRequest('chat not found');
    return chatId;
  }

  /** 429 when the chat already had `maxPerChat` sends/edits in the last `windowSeconds`; else counts this one. */
  #checkRate(chatId: number): void {
    const limit = this.#o.rateLimit;
    if (limit === undefined) return;
    const now = this.#o.now();
    const windowMs = limit.windowSeconds * 1000;
    const recent = (this.#recentSends.get(chatId) ?? []).filter((t) => t > now - windowMs);
    if (recent.length >= limit.maxPerChat) {
      const retryAfter = Math.max(1, Math.ceil(((recent[0] ?? now) + windowMs - now) / 1000));
      this.#recentSends.set(chatId, recent);
      throw new BotApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
    }
    recent.push(now);
    this.#recentSends.set(chatId, recent);
  }

  #find(chatId: number, messageId: number): StoredMessage | undefined {
    return this.#messages.get(chatId)?.find((m) => m.message_id === messageId && !m.deleted);
  }

  #store(
    chatId: number,
    from: User,
    text: string,
    keyboard: InlineKeyboardMarkup | undefined,
    entities: MessageEntity[] | undefined,
    media: Pick<StoredMessage, 'photo' | 'caption'> = {},
  ): StoredMessage {
    const list = this.#messages.get(chatId) ?? [];
    this.#messages.set(chatId, list);
    const message: StoredMessage = {
      message_id: (list.at(-1)?.message_id ?? 0) + 1,
      chatId,
      from,
      date: Math.floor(this.#o.now() / 1000),
      entities,
      text,
      ...(media.photo === undefined ? {} : { photo: media.photo }),
      ...(media.caption === undefined ? {} : { caption: media.caption }),
      reply_markup: keyboard,
      editCount: 0,
      deleted: false,
    };
    list.push(message);
    return message;
  }

  /** The message as Telegram serializes it: absent optional fields are left out. */
  #toMessage(m: StoredMessage): Message {
    return {
      message_id: m.message_id,
      from: m.from,
      chat: chatOf(m.chatId),
      date: m.date,
      ...(m.photo === undefined
        ? { text: m.text }
        : {
            photo: [{ file_id: `photo-${m.chatId}-${m.message_id}`, file_unique_id: `p${m.message_id}`, width: m.photo.width, height: m.photo.height, file_size: m.photo.bytes.length }],
            ...(m.caption === undefined ? {} : { caption: m.caption }),
          }),
      ...(m.entities === undefined ? {} : { entities: m.entities }),
      ...(m.reply_markup === undefined ? {} : { reply_markup: m.reply_markup }),
      ...(m.edit_date === undefined ? {} : { edit_date: m.edit_date }),
    };
  }
}

/** The file a media parameter names: a file part itself, or `attach://<part>` pointing at one. */
function uploadedFile(p: Params, name: string): UploadedFile {
  const value = p[name];
  const file = typeof value === 'string' && value.startsWith('attach://') ? p[value.slice('attach://'.length)] : value;
  if (typeof file === 'object' && file !== null && Buffer.isBuffer((file as UploadedFile).bytes)) return file as UploadedFile;
  if (value === undefined) throw badRequest(`${name} is empty`);
  throw badRequest('wrong file identifier/HTTP URL specified');
}

/** The simulated user with this id. */
function userOf(id: number): User {
  return { id, is_bot: false, first_name: `User${id}`, language_code: 'en' };
}

/** A chat as Telegram describes it: positive ids are private chats, `-100…` supergroups, other negatives groups. */
function chatOf(id: number): Chat {
  if (id > 0) return { id, type: 'private', first_name: `User${id}` };
  return String(id).startsWith('-100') ? { id, type: 'supergroup', title: `Group ${id}` } : { id, type: 'group', title: `Group ${id}` };
}
