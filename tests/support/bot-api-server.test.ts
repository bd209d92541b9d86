import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, GrammyError, HttpError, InputFile } from 'grammy';
import { deflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { startBotApiServer, type BotApiServer, type BotApiServerOptions } from './bot-api-server.js';

const CHAT = 4242;
const USER = 4242;
const KEYBOARD = { inline_keyboard: [[{ text: 'Approve', callback_data: 'approve:p1' }, { text: 'Reject', callback_data: 'reject:p1' }]] };

let server: BotApiServer | undefined;

async function setup(options: BotApiServerOptions = {}): Promise<{ server: BotApiServer; bot: Bot }> {
  server = await startBotApiServer(options);
  const bot = new Bot(server.token, { client: { apiRoot: server.apiRoot }, botInfo: server.botInfo });
  return { server, bot };
}

/** The error a promise rejects with (fails the test if it resolves). */
async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => expect.fail(`expected a rejection, got ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
}

/** A tiny valid PNG header (signature and IHDR) of the given size; enough for the server, which reads no pixels. */
function pngOf(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.set([8, 2, 0, 0, 0], 16);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, deflateSync(Buffer.alloc(0))]);
}

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('startBotApiServer', () => {
  it('should deliver a pressed button and a /command to a long-polling grammY bot and take its answers', async () => {
    const { server, bot } = await setup();
    bot.callbackQuery(/^approve:(.+)$/, async (ctx) => {
      await ctx.answerCallbackQuery({ text: `Approved ${ctx.match[1]}` });
      await ctx.editMessageText('Approved p1');
    });
    bot.command('status', (ctx) => ctx.reply('1 proposal pending'));
    let started!: () => void;
    const onStart = new Promise<void>((resolve) => (started = resolve));
    const running = bot.start({ timeout: 30, onStart: () => started() });
    await onStart;

    const proposal = await bot.api.sendMessage(CHAT, 'Sell 10 ACME?', { reply_markup: KEYBOARD });
    const queryId = server.pressButton({ chatId: CHAT, messageId: proposal.message_id, fromUserId: USER, data: 'approve:p1' });
    await server.waitFor((s) => s.messages(CHAT)[0]?.editCount === 1 && s.callbackQuery(queryId)?.answered);
    server.sendText({ chatId: CHAT, fromUserId: USER, text: '/status' });
    await server.waitFor((s) => s.messages(CHAT).find((m) => m.fromBot && m.text === '1 proposal pending'));

    await bot.stop();
    await running;
    expect(server.callbackQuery(queryId)).toMatchObject({ answered: true, answer: { text: 'Approved p1' } });
    expect(server.messages(CHAT)).toMatchObject([
      { message_id: 1, text: 'Approved p1', fromBot: true, editCount: 1 },
      { message_id: 2, text: '/status', fromBot: false },
      { message_id: 3, text: '1 proposal pending', fromBot: true },
    ]);
    expect(server.messages(CHAT)[0]?.reply_markup).toBeUndefined();
    expect(server.pendingUpdates()).toHaveLength(0);
    expect(server.pendingPolls).toBe(0);
  });

  it('should give the callback query the message as it stands, and refuse a press on a button that is gone', async () => {
    const { server, bot } = await setup();
    const sent = await bot.api.sendMessage(CHAT, 'Sell 10 ACME?', { reply_markup: KEYBOARD });
    server.pressButton({ chatId: CHAT, messageId: sent.message_id, fromUserId: USER, data: 'reject:p1' });
    const [update] = await bot.api.getUpdates();
    expect(update?.callback_query).toMatchObject({
      from: { id: USER, is_bot: false },
      data: 'reject:p1',
      message: { message_id: sent.message_id, chat: { id: CHAT, type: 'private' }, text: 'Sell 10 ACME?', reply_markup: KEYBOARD },
    });
    await bot.api.editMessageReplyMarkup(CHAT, sent.message_id);
    expect(() => server.pressButton({ chatId: CHAT, messageId: sent.message_id, fromUserId: USER, data: 'reject:p1' }))
      .toThrow(expect.objectContaining({ code: 'NO_SUCH_BUTTON' }));
    expect(() => server.pressButton({ chatId: CHAT, messageId: 99, fromUserId: USER, data: 'x' }))
      .toThrow(expect.objectContaining({ code: 'UNKNOWN_MESSAGE' }));
    expect(server.pressButton({ chatId: CHAT, messageId: sent.message_id, fromUserId: USER, data: 'reject:p1', force: true })).toMatch(/^\d+$/);
  });

  it('should remove the inline keyboard when editMessageText has no reply_markup', async () => {
    const { server, bot } = await setup();
    const sent = await bot.api.sendMessage(CHAT, 'Sell 10 ACME?', { reply_markup: KEYBOARD });
    const kept = await bot.api.editMessageText(CHAT, sent.message_id, 'Sell 10 ACME? (price updated)', { reply_markup: KEYBOARD });
    expect(kept).toMatchObject({ reply_markup: KEYBOARD, edit_date: expect.any(Number) });

    const edited = await bot.api.editMessageText(CHAT, sent.message_id, 'Approved');
    expect(edited).not.toHaveProperty('reply_markup');
    expect(server.messages(CHAT)).toMatchObject([{ message_id: sent.message_id, text: 'Approved', editCount: 2 }]);
    expect(server.messages(CHAT)[0]).not.toHaveProperty('reply_markup');
  });

  it('should refuse an identical edit with 400 "message is not modified"', async () => {
    const { bot } = await setup();
    const sent = await bot.api.sendMessage(CHAT, 'Sell 10 ACME?', { reply_markup: KEYBOARD });
    const error = await errorOf(bot.api.editMessageText(CHAT, sent.message_id, 'Sell 10 ACME?', { reply_markup: KEYBOARD }));
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 400, method: 'editMessageText' });
    expect((error as GrammyError).description).toMatch(/^Bad Request: message is not modified: /);
    await expect(bot.api.editMessageReplyMarkup(CHAT, sent.message_id, { reply_markup: KEYBOARD }))
      .rejects.toMatchObject({ error_code: 400 });
    await expect(bot.api.editMessageText(CHAT, 77, 'x')).rejects.toMatchObject({ error_code: 400, description: 'Bad Request: message to edit not found' });
  });

  it('should refuse callback_data over 64 bytes with BUTTON_DATA_INVALID and accept exactly 64 bytes', async () => {
    const { server, bot } = await setup();
    const button = (data: string) => ({ reply_markup: { inline_keyboard: [[{ text: 'Go', callback_data: data }]] } });
    await expect(bot.api.sendMessage(CHAT, 'x', button('a'.repeat(65))))
      .rejects.toMatchObject({ error_code: 400, description: 'Bad Request: BUTTON_DATA_INVALID' });
    // 33 characters but 66 bytes: the limit is in bytes.
    await expect(bot.api.sendMessage(CHAT, 'x', button('é'.repeat(33)))).rejects.toMatchObject({ error_code: 400 });
    await expect(bot.api.sendMessage(CHAT, 'x', button(''))).rejects.toMatchObject({ error_code: 400 });
    await bot.api.sendMessage(CHAT, 'x', button('é'.repeat(32)));
    expect(server.messages(CHAT)).toHaveLength(1);
  });

  it('should refuse texts of 4097 characters or only whitespace and accept 4096 characters', async () => {
    const { server, bot } = await setup();
    await expect(bot.api.sendMessage(CHAT, 'x'.repeat(4097)))
      .rejects.toMatchObject({ error_code: 400, description: 'Bad Request: message is too long' });
    await expect(bot.api.sendMessage(CHAT, '  \n'))
      .rejects.toMatchObject({ error_code: 400, description: 'Bad Request: message text is empty' });
    await bot.api.sendMessage(CHAT, 'x'.repeat(4096));
    expect(server.messages(CHAT).map((m) => m.text.length)).toEqual([4096]);
  });

  it('should read parse_mode HTML as Telegram does: entities, decoded text, limits after parsing, bad markup refused', async () => {
    const { server, bot } = await setup();
    const sent = await bot.api.sendMessage(CHAT, '<b>Sell</b> 10 A&amp;B &lt; 5%\n<pre>a  1\nbb 2</pre>', { parse_mode: 'HTML' });
    expect(sent.text).toBe('Sell 10 A&B < 5%\na  1\nbb 2');
    expect(server.messages(CHAT)[0]).toMatchObject({ parseMode: 'HTML', entities: [{ type: 'bold', offset: 0, length: 4 }, { type: 'pre', offset: 17, length: 9 }] });
    await expect(bot.api.sendMessage(CHAT, 'weight < 5%', { parse_mode: 'HTML' }))
      .rejects.toMatchObject({ error_code: 400, description: expect.stringMatching(/^Bad Request: can't parse entities: Unsupported start tag "" at byte offset 7$/) });
    await expect(bot.api.sendMessage(CHAT, '<b>open', { parse_mode: 'HTML' })).rejects.toMatchObject({ error_code: 400, description: expect.stringMatching(/can't parse entities/) });
    await expect(bot.api.sendMessage(CHAT, '<b>x</i>', { parse_mode: 'HTML' })).rejects.toMatchObject({ error_code: 400, description: expect.stringMatching(/Unmatched end tag/) });
    await expect(bot.api.sendMessage(CHAT, '<table>x</table>', { parse_mode: 'HTML' })).rejects.toMatchObject({ error_code: 400, description: expect.stringMatching(/Unsupported start tag "table"/) });
    await bot.api.sendMessage(CHAT, `<pre>${'&lt;'.repeat(4096)}</pre>`, { parse_mode: 'HTML' });
    await expect(bot.api.sendMessage(CHAT, `<b>${'x'.repeat(4097)}</b>`, { parse_mode: 'HTML' })).rejects.toMatchObject({ description: 'Bad Request: message is too long' });
    await bot.api.editMessageText(CHAT, sent.message_id, '<b>Sell</b> 10 A&amp;B &lt; 5%\n<pre>a  1\nbb 2</pre>', { parse_mode: 'HTML', reply_markup: KEYBOARD });
    expect(server.messages(CHAT)[0]).toMatchObject({ text: sent.text, editCount: 1 });
    expect(server.messages(CHAT).map((m) => m.text.length)).toEqual([26, 4096]);
  });

  it('should answer a callback query once and refuse notification texts over 200 characters', async () => {
    const { server, bot } = await setup();
    const sent = await bot.api.sendMessage(CHAT, 'Sell?', { reply_markup: KEYBOARD });
    const id = server.pressButton({ chatId: CHAT, messageId: sent.message_id, fromUserId: USER, data: 'approve:p1' });
    await expect(bot.api.answerCallbackQuery(id, { text: 'x'.repeat(201) }))
      .rejects.toMatchObject({ error_code: 400, description: 'Bad Request: MESSAGE_TOO_LONG' });
    await expect(bot.api.answerCallbackQuery(id, { text: 'Done', show_alert: true })).resolves.toBe(true);
    await expect(bot.api.answerCallbackQuery(id)).rejects.toMatchObject({ error_code: 400 });
    await expect(bot.api.answerCallbackQuery('nope')).rejects.toMatchObject({ error_code: 400 });
    expect(server.callbackQuery(id)).toMatchObject({ answered: true, answer: { text: 'Done', show_alert: true } });
  });

  it('should retry a 429 with retry_after through @grammyjs/auto-retry and send the message exactly once', async () => {
    const { server, bot } = await setup();
    bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 5 }));
    server.injectFault({ method: 'sendMessage', kind: '429', times: 2, retryAfter: 0 });
    await bot.api.sendMessage(CHAT, 'Sell 10 ACME?');
    const sends = server.calls.filter((c) => c.method === 'sendMessage');
    expect(sends.map((c) => c.status)).toEqual([429, 429, 200]);
    expect(sends.filter((c) => c.ok && c.processed)).toHaveLength(1);
    expect(server.messages(CHAT)).toHaveLength(1);
  });

  it('should send 429 with parameters.retry_after 1 by default', async () => {
    const { bot, server } = await setup();
    server.injectFault({ method: 'SENDMESSAGE', kind: '429' });
    await expect(bot.api.sendMessage(CHAT, 'x')).rejects.toMatchObject({
      error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 },
    });
    expect(server.messages(CHAT)).toHaveLength(0);
  });

  it('should answer 500 and 502 faults with the error envelope, or an HTML page for htmlBody', async () => {
    const { bot, server } = await setup();
    server.injectFault({ method: 'sendMessage', kind: '500' });
    server.injectFault({ method: '*', kind: '502' });
    server.injectFault({ method: 'sendMessage', kind: '502', htmlBody: true });
    await expect(bot.api.sendMessage(CHAT, 'x')).rejects.toMatchObject({ error_code: 500 });
    await expect(bot.api.sendMessage(CHAT, 'x')).rejects.toMatchObject({ error_code: 502, description: 'Bad Gateway' });
    expect(await errorOf(bot.api.sendMessage(CHAT, 'x'))).toBeInstanceOf(HttpError);
    await bot.api.sendMessage(CHAT, 'x');
    expect(server.calls.map((c) => c.fault)).toEqual(['500', '502', '502', undefined]);
    expect(server.messages(CHAT)).toHaveLength(1);
  });

  it('should drop the socket before or after processing, leaving the client unsure whether the message was sent', async () => {
    const { bot, server } = await setup();
    server.injectFault({ method: 'sendMessage', kind: 'drop' });
    server.injectFault({ method: 'sendMessage', kind: 'drop', afterProcessing: true });
    expect(await errorOf(bot.api.sendMessage(CHAT, 'first'))).toBeInstanceOf(HttpError);
    expect(server.messages(CHAT)).toHaveLength(0);
    expect(await errorOf(bot.api.sendMessage(CHAT, 'second'))).toBeInstanceOf(HttpError);
    expect(server.messages(CHAT)).toMatchObject([{ text: 'second' }]);
    expect(server.calls).toMatchObject([
      { method: 'sendMessage', status: 'dropped', processed: false, ok: false },
      { method: 'sendMessage', status: 'dropped', processed: true, ok: false, result: { text: 'second' } },
    ]);
  });

  it('should hold a long poll until an update arrives', async () => {
    const { bot, server } = await setup();
    const poll = bot.api.getUpdates({ timeout: 30 });
    await server.waitFor((s) => s.pendingPolls === 1);
    server.sendText({ chatId: CHAT, fromUserId: USER, text: '/status now' });
    const updates = await poll;
    expect(updates).toHaveLength(1);
    expect(updates[0]?.message).toMatchObject({ text: '/status now', entities: [{ type: 'bot_command', offset: 0, length: 7 }] });
  });

  it('should answer a long poll with no updates once its timeout has passed', async () => {
    const { bot, server } = await setup({ longPollSecondMs: 5 });
    const held = server.waitFor((s) => s.pendingPolls === 1);
    await expect(bot.api.getUpdates({ timeout: 2 })).resolves.toEqual([]);
    await held;
    expect(server.pendingPolls).toBe(0);
    expect(server.calls).toMatchObject([{ method: 'getUpdates', status: 200, result: [] }]);
  });

  it('should confirm updates below offset and keep the others', async () => {
    const { bot, server } = await setup();
    for (const text of ['a', 'b', 'c']) server.sendText({ chatId: CHAT, fromUserId: USER, text });
    const all = await bot.api.getUpdates({ limit: 2 });
    expect(all.map((u) => u.update_id)).toEqual([1, 2]);
    const again = await bot.api.getUpdates();
    expect(again.map((u) => u.update_id)).toEqual([1, 2, 3]);
    const rest = await bot.api.getUpdates({ offset: 3 });
    expect(rest.map((u) => u.message?.text)).toEqual(['c']);
    expect(server.pendingUpdates().map((u) => u.update_id)).toEqual([3]);
    await bot.api.getUpdates({ offset: 4 });
    expect(server.pendingUpdates()).toEqual([]);
  });

  it('should keep only allowed update types and end an older held poll with 409 Conflict', async () => {
    const { bot, server } = await setup();
    await bot.api.getUpdates({ allowed_updates: ['callback_query'] });
    server.sendText({ chatId: CHAT, fromUserId: USER, text: 'ignored' });
    expect(server.pendingUpdates()).toEqual([]);
    const first = bot.api.getUpdates({ timeout: 30 });
    const firstError = errorOf(first);
    await server.waitFor((s) => s.pendingPolls === 1);
    await expect(bot.api.getUpdates({ timeout: 0 })).resolves.toEqual([]);
    expect(await firstError).toMatchObject({ error_code: 409 });
  });

  it('should answer 401 for an unknown token and 404 for an unknown method', async () => {
    const { server } = await setup();
    const other = new Bot('1:wrong', { client: { apiRoot: server.apiRoot } });
    await expect(other.api.getMe()).rejects.toMatchObject({ error_code: 401, description: 'Unauthorized' });
    const res = await fetch(`${server.apiRoot}/bot${server.token}/sendVideo`, { method: 'POST' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error_code: 404, description: 'Not Found' });
  });

  it('should accept form bodies and case-insensitive method names', async () => {
    const { server } = await setup();
    const body = new URLSearchParams({ chat_id: String(CHAT), text: 'via form', reply_markup: JSON.stringify(KEYBOARD) });
    const res = await fetch(`${server.apiRoot}/bot${server.token}/SendMessage`, { method: 'POST', body });
    expect(await res.json()).toMatchObject({ ok: true, result: { message_id: 1, text: 'via form', reply_markup: KEYBOARD } });
    expect(server.calls).toMatchObject([{ method: 'sendMessage', status: 200, ok: true }]);
  });

  it('should set commands and delete messages', async () => {
    const { bot, server } = await setup();
    await bot.api.setMyCommands([{ command: 'status', description: 'Pending proposals' }]);
    expect(server.commands()).toEqual([{ command: 'status', description: 'Pending proposals' }]);
    await expect(bot.api.setMyCommands([{ command: 'Status', description: 'x' }]))
      .rejects.toMatchObject({ error_code: 400, description: 'Bad Request: BOT_COMMAND_INVALID' });
    const sent = await bot.api.sendMessage(CHAT, 'x');
    await expect(bot.api.deleteMessage(CHAT, sent.message_id)).resolves.toBe(true);
    await expect(bot.api.deleteMessage(CHAT, sent.message_id))
      .rejects.toMatchObject({ description: 'Bad Request: message to delete not found' });
    expect(server.messages(CHAT)).toEqual([]);
  });

  it('should refuse unknown chats when knownChats is set', async () => {
    const { bot } = await setup({ knownChats: [CHAT] });
    await expect(bot.api.sendMessage(CHAT + 1, 'x')).rejects.toMatchObject({ error_code: 400, description: 'Bad Request: chat not found' });
    await expect(bot.api.sendMessage(CHAT, 'x')).resolves.toMatchObject({ chat: { id: CHAT } });
  });

  it('should apply the optional per-chat rate limit with retry_after from the clock', async () => {
    let now = 1_700_000_000_000;
    const { bot } = await setup({ now: () => now, rateLimit: { maxPerChat: 1, windowSeconds: 3 } });
    await bot.api.sendMessage(CHAT, 'one');
    await bot.api.sendMessage(CHAT + 1, 'other chat');
    now += 1000;
    await expect(bot.api.sendMessage(CHAT, 'two')).rejects.toMatchObject({ error_code: 429, parameters: { retry_after: 2 } });
    now += 2000;
    await expect(bot.api.sendMessage(CHAT, 'two')).resolves.toMatchObject({ date: 1_700_000_003 });
  });

  it('should stop the bot cleanly and leave no sockets, servers or timers behind after close', async () => {
    const count = (): Record<string, number> => {
      const counts: Record<string, number> = {};
      for (const r of process.getActiveResourcesInfo()) counts[r] = (counts[r] ?? 0) + 1;
      return counts;
    };
    const before = count();
    const { bot, server: s } = await setup();
    let started!: () => void;
    const onStart = new Promise<void>((resolve) => (started = resolve));
    const running = bot.start({ onStart: () => started() });
    await onStart;
    await s.waitFor((x) => x.pendingPolls === 1);
    await bot.stop();
    await running;
    await s.close();
    server = undefined;
    // Client sockets see the server's FIN a few event-loop turns later; wait by turns, not by time.
    const settled = (): boolean => ['TCPSocketWrap', 'TCPServerWrap', 'Timeout'].every((k) => (count()[k] ?? 0) <= (before[k] ?? 0));
    for (let turn = 0; turn < 100 && !settled(); turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(settled(), `before ${JSON.stringify(before)}, after ${JSON.stringify(count())}`).toBe(true);
  });
});

describe('sendPhoto', () => {
  it('should take a PNG uploaded by grammY as multipart, with its caption, and keep the bytes', async () => {
    const { server, bot } = await setup();
    const png = pngOf(1200, 600);
    const sent = await bot.api.sendPhoto(CHAT, new InputFile(png, 'equity.png'), { caption: 'equity since May' });
    expect(sent.photo).toMatchObject([{ width: 1200, height: 600, file_size: png.length }]);
    expect(sent.caption).toBe('equity since May');
    const [message] = server.messages(CHAT);
    expect(message).toMatchObject({ text: '', caption: 'equity since May', photo: { width: 1200, height: 600, filename: 'equity.png' } });
    expect(message!.photo!.bytes.equals(png)).toBe(true);
  });

  it('should refuse what Telegram refuses: not an image, a 21:1 picture, a caption over 1,024 characters, a text edit', async () => {
    const { bot } = await setup();
    const description = async (call: Promise<unknown>) => ((await errorOf(call)) as GrammyError).description;
    expect(await description(bot.api.sendPhoto(CHAT, new InputFile(Buffer.from('not a picture'), 'x.png')))).toBe('Bad Request: IMAGE_PROCESS_FAILED');
    expect(await description(bot.api.sendPhoto(CHAT, new InputFile(pngOf(2100, 100), 'x.png')))).toBe('Bad Request: PHOTO_INVALID_DIMENSIONS');
    expect(await description(bot.api.sendPhoto(CHAT, new InputFile(pngOf(100, 100), 'x.png'), { caption: 'x'.repeat(1025) }))).toBe('Bad Request: message caption is too long');
    expect(await description(bot.api.sendPhoto(CHAT, 'AgACAgIAAxkBAAI'))).toBe('Bad Request: wrong file identifier/HTTP URL specified');
    const photo = await bot.api.sendPhoto(CHAT, new InputFile(pngOf(100, 100), 'x.png'));
    expect(await description(bot.api.editMessageText(CHAT, photo.message_id, 'text'))).toBe('Bad Request: there is no text in the message to edit');
  });
});
