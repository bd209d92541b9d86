import type { BotCommand, InlineKeyboardMarkup, MessageEntity, Update, UserFromGetMe } from 'grammy/types';

/**
 * What an injected fault does to one matching call.
 *
 * - `'429'`: answers `429 Too Many Requests` with `parameters.retry_after`.
 * - `'500'`: answers `{ ok: false, error_code: 500, description: 'Internal Server Error' }`.
 * - `'502'`: answers `Bad Gateway`, as a JSON envelope or (with `htmlBody`) as the HTML page a proxy sends.
 * - `'drop'`: destroys the socket without any response, so the client sees a network error.
 */
export type FaultKind = '429' | '500' | '502' | 'drop';

/** One fault to inject with `server.injectFault(...)`. Faults are consumed in the order they were injected. */
export interface FaultSpec {
  /** Bot API method the fault applies to (case-insensitive), or `'*'` for any method. */
  readonly method: string;
  readonly kind: FaultKind;
  /** How many matching calls the fault hits before it is used up. Default 1. */
  readonly times?: number;
  /** For `'429'`: the `retry_after` in seconds. Default 1. 0 and fractions are allowed so tests stay fast. */
  readonly retryAfter?: number;
  /**
   * Apply the fault after the server has carried the call out (the message is sent, the edit is made), so the
   * client cannot know whether it took effect. Default false: the fault replaces the call.
   */
  readonly afterProcessing?: boolean;
  /** For `'502'`: answer with an nginx-style HTML page instead of the JSON envelope. Default false. */
  readonly htmlBody?: boolean;
}

/** How a logged call ended: the HTTP status sent, `'dropped'` (socket destroyed), or `'aborted'` (client left). */
export type CallStatus = number | 'dropped' | 'aborted';

/** One Bot API call as the server saw it, logged when it was answered, dropped or abandoned by the client. */
export interface CallRecord {
  /** Arrival order, from 1. */
  readonly seq: number;
  /** Canonical method name, e.g. `'sendMessage'` (Bot API method names are case-insensitive). */
  readonly method: string;
  /** The parameters as parsed from the JSON, form or query body. */
  readonly params: Readonly<Record<string, unknown>>;
  /** Arrival time in milliseconds since the epoch, from the server's `now` option. */
  readonly at: number;
  readonly status: CallStatus;
  /** True when the client received `{ ok: true }`. */
  readonly ok: boolean;
  /** True when the call took effect on the server's state (also when a fault then hid the answer). */
  readonly processed: boolean;
  /** The injected fault that hit this call, if any. */
  readonly fault?: FaultKind;
  /** `description` of an error answer (an error the method itself produced, or the injected fault's). */
  readonly description?: string;
  /** `result` the method produced (also present when an after-processing fault hid it from the client). */
  readonly result?: unknown;
}

/** A chat message as it stands now on the server. */
export interface ChatMessageView {
  readonly message_id: number;
  readonly chatId: number;
  /** The message's text as a user sees it (after `parse_mode` parsing: no tags, entities decoded); empty for a photo. */
  readonly text: string;
  /** Its formatting (bold, `pre`, `code`, …) and, for a user's command, the `bot_command` entity. */
  readonly entities?: MessageEntity[];
  /** `HTML` when the bot sent or last edited it with `parse_mode: 'HTML'`. */
  readonly parseMode?: string;
  /** A photo message's image as uploaded, with its size read from the PNG. */
  readonly photo?: { readonly bytes: Buffer; readonly width: number; readonly height: number; readonly filename: string };
  readonly caption?: string;
  /** The current inline keyboard; absent when the message has none (or it was removed by an edit). */
  readonly reply_markup?: InlineKeyboardMarkup;
  /** True for messages the bot sent, false for messages of simulated users. */
  readonly fromBot: boolean;
  readonly fromUserId: number;
  /** Unix time in seconds. */
  readonly date: number;
  /** Unix time in seconds of the last edit, if any. */
  readonly edit_date?: number;
  /** Number of successful edits (text or keyboard). */
  readonly editCount: number;
}

/** A callback query created by `pressButton`, and how the bot answered it. */
export interface CallbackQueryView {
  readonly id: string;
  readonly chatId: number;
  readonly messageId: number;
  readonly fromUserId: number;
  readonly data: string;
  readonly answered: boolean;
  /** The `answerCallbackQuery` parameters once answered. */
  readonly answer?: { readonly text?: string; readonly show_alert?: boolean };
}

/** Per-chat flood limit: at most `maxPerChat` content calls (send/edit) per `windowSeconds` in one chat. */
export interface RateLimitOptions {
  readonly maxPerChat: number;
  readonly windowSeconds: number;
}

/** Options of `startBotApiServer`. Every field is optional. */
export interface BotApiServerOptions {
  /** The only token accepted; other tokens get 401. Default `'123456789:TEST-ballast-token'`. */
  readonly token?: string;
  /** Overrides for the `getMe` answer; `id` defaults to the number before `:` in the token. */
  readonly botInfo?: Partial<UserFromGetMe>;
  /** Milliseconds that one second of a `getUpdates` `timeout` lasts. Default 1000; tests may shorten it. */
  readonly longPollSecondMs?: number;
  /** Clock in milliseconds since the epoch, for message dates, call times and rate limits. Default `Date.now`. */
  readonly now?: () => number;
  /** Per-chat flood limit answered with 429 like Telegram's ~1 message/s per chat. Default: off. */
  readonly rateLimit?: RateLimitOptions;
  /** When given, only these chat ids exist; others get 400 "Bad Request: chat not found". Default: any chat. */
  readonly knownChats?: readonly number[];
}

/** Input of `server.pressButton`: a simulated user presses an inline button. */
export interface PressButtonInput {
  readonly chatId: number;
  readonly messageId: number;
  readonly fromUserId: number;
  /** The button's `callback_data`. */
  readonly data: string;
  /** Press even if no such button is on the message now (a stale client). Default false: throws instead. */
  readonly force?: boolean;
}

/** Input of `server.sendText`: a simulated user writes in a chat. */
export interface SendTextInput {
  readonly chatId: number;
  readonly fromUserId: number;
  readonly text: string;
}

/** Options of `server.waitFor`. */
export interface WaitForOptions {
  /** Give up after this many milliseconds with a `WAIT_TIMEOUT` error. Default 5000. */
  readonly timeoutMs?: number;
}

/** A running Bot API test server on 127.0.0.1 (see `startBotApiServer`). */
export interface BotApiServer {
  /** Pass as `client.apiRoot` to grammY, e.g. `http://127.0.0.1:40123` (no trailing slash). */
  readonly apiRoot: string;
  readonly token: string;
  /** The `getMe` answer; pass as grammY's `botInfo` to skip the start-up `getMe`. */
  readonly botInfo: UserFromGetMe;
  /** Every call so far, in the order they were answered. */
  readonly calls: readonly CallRecord[];
  /** Number of `getUpdates` requests currently held open by long polling. */
  readonly pendingPolls: number;
  /** The chat's current (not deleted) messages, oldest first. */
  messages(chatId: number): ChatMessageView[];
  /** Updates queued and not yet confirmed by an `offset`. */
  pendingUpdates(): Update[];
  /** A callback query created by `pressButton`; undefined for an unknown id. */
  callbackQuery(id: string): CallbackQueryView | undefined;
  /** Commands last set with `setMyCommands` for the default scope and no language. */
  commands(): BotCommand[];
  /** Enqueues a `callback_query` update for a button press; returns the callback query id. */
  pressButton(input: PressButtonInput): string;
  /** Enqueues a `message` update (commands get a `bot_command` entity); returns the new message id. */
  sendText(input: SendTextInput): number;
  /** Adds a fault to the fault queue. */
  injectFault(fault: FaultSpec): void;
  /** Resolves with the first truthy value of `predicate`, checked now and after every call and state change. */
  waitFor<T>(predicate: (server: BotApiServer) => T | undefined | null | false, options?: WaitForOptions): Promise<T>;
  /** Ends held polls, closes every connection and stops listening. */
  close(): Promise<void>;
}
