import { Api } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { Store } from '../../src/store/store.js';
import { installRetry } from '../../src/telegram/create-telegram-bot.js';
import { postPendingBatches } from '../../src/telegram/post-batches.js';
import { signCallback } from '../../src/telegram/callback-data.js';
import { startBotApiServer, type BotApiServer } from '../support/bot-api-server.js';
import { testIo } from '../support/test-io.js';
import { at, quotes, storeWithPending } from '../approval/approval-fixtures.js';
import { ANA_ID, CHAT, SECRET, startBot, STRANGER_ID, VIC_ID, testConfig, type RunningBot } from './telegram-fixtures.js';

const ROOT = join(import.meta.dirname, '../..');
const TELEGRAM_POLICY = 'approval: { mode: telegram, expires_after_hours: 2 }\nexecution: { slippage_bps: 5, price_tolerance_pct: 2 }\n';
const AT_PROPOSAL = quotes({ AAA: 60, BBB: 25 });

/** A button's callback data (fails the test for a button without one). */
function dataOf(button: InlineKeyboardButton | undefined): string {
  if (button === undefined || !('callback_data' in button)) throw new Error('not a callback button');
  return button.callback_data;
}

let server: BotApiServer | undefined;
let running: RunningBot | undefined;
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  await running?.stop();
  running = undefined;
  await server?.close();
  server = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A server, an in-memory store with AAA and BBB pending for Telegram, posted as one message. */
async function posted(policy = TELEGRAM_POLICY) {
  server = await startBotApiServer();
  const { store } = await storeWithPending(policy);
  const api = new Api(server.token, { apiRoot: server.apiRoot });
  expect(await postPendingBatches(api, store, testConfig(server!), at(1))).toBe(1);
  const message = server.messages(CHAT)[0]!;
  const button = (label: RegExp): string => dataOf(message.reply_markup!.inline_keyboard.flat().find((b) => label.test(b.text)));
  return { server, store, message, button };
}

describe('Telegram approvals (real grammY on the loopback Bot API server)', () => {
  it('should go from run to message to tap to execution, edit the message, store the decision and update positions', async () => {
    server = await startBotApiServer();
    const dir = await mkdtemp(join(tmpdir(), 'ballast-tg-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await cp(join(ROOT, 'policies'), join(dir, 'policies'), { recursive: true });
    await cp(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
    const env = { BALLAST_TELEGRAM_TOKEN: server.token, BALLAST_CALLBACK_SECRET: SECRET, BALLAST_TELEGRAM_APPROVERS: String(ANA_ID), BALLAST_TELEGRAM_API_ROOT: server.apiRoot, BALLAST_TELEGRAM_TZ: 'Europe/Berlin' };
    const io = { ...testIo(dir), env };
    expect(await main(['run'], io)).toBe(0);
    expect(io.out()).toMatch(/1 Telegram message posted to chat 1001/);
    const [message] = server.messages(CHAT);
    expect(message!.parseMode).toBe('HTML');
    expect(message!.text).toMatch(/^SHORGAN-BOT \(aggressive\) · run-000004\nprices of 2001-01-02 · amounts in USD\n/);
    expect(message!.text).toMatch(/SELL 6 T · cut_loss\nprice     13\.64 USD\nnotional  81\.84 USD\nP&L      −16\.62 USD −16\.9%\nweight   6\.1% → 0\.0%\n[^\n]*\np-000004-1\n⏳ pending · expires Sat 21 Nov 21:00 Europe\/Berlin \(in 8 h\)/);
    expect(message!.text).toMatch(/Not proposed: dropped by limits \(2\)\n• HD stale · max_exits_per_week: 2 exits per rolling week reached/);
    expect(message!.reply_markup!.inline_keyboard.map((row) => row.map((b) => b.text))).toEqual([
      ['✅ Approve T', '❌ Reject T'], ['✅ Approve MO', '❌ Reject MO'], ['✅ Approve all', '❌ Reject all'],
    ]);

    const store = await Store.open(join(dir, '.ballast'), 'telegram');
    cleanups.push(() => store.close());
    running = await startBot(server, store, quotes({ T: 13.64, MO: 45.2 }), io.now());
    const approveT = dataOf(message!.reply_markup!.inline_keyboard[0]![0]);
    const query = server.pressButton({ chatId: CHAT, messageId: message!.message_id, fromUserId: ANA_ID, data: approveT });
    await server.waitFor((s) => s.messages(CHAT)[0]!.editCount === 1 && s.callbackQuery(query)?.answered);

    const edited = server.messages(CHAT)[0]!;
    expect(edited.text).toMatch(/p-000004-1[^•]*✅ approved by User1001 \(telegram\) at Sat 21 Nov 13:00 Europe\/Berlin/);
    expect(edited.text).toMatch(/→ executed: sold 6 @ 13\.63/);
    expect(edited.reply_markup!.inline_keyboard.map((row) => row.map((b) => b.text))).toEqual([['✅ Approve MO', '❌ Reject MO']]);
    expect(store.proposalRecord('p-000004-1')).toMatchObject({
      status: 'executed', telegram: { chatId: CHAT, messageId: message!.message_id },
      decision: { actorId: `telegram:${ANA_ID}`, channel: 'telegram', at: io.now().toISOString() },
    });
    expect(store.account('paper-shorgan')!.lots.some((l) => l.symbol === 'T')).toBe(false);

    const rejectMo = dataOf(edited.reply_markup!.inline_keyboard[0]![1]);
    server.pressButton({ chatId: CHAT, messageId: message!.message_id, fromUserId: ANA_ID, data: rejectMo });
    await server.waitFor((s) => s.messages(CHAT)[0]!.editCount === 2);
    expect(server.messages(CHAT)[0]!.reply_markup).toBeUndefined();
    const reread = await Store.open(join(dir, '.ballast'));
    expect(reread.proposalRecord('p-000004-2')).toMatchObject({ status: 'rejected' });
    expect(reread.account('paper-shorgan')!.trades).toMatchObject([{ symbol: 'T', side: 'sell', quantity: 6 }]);
  });

  it('should refuse an unauthorized user, a viewer, forged and replayed data, each stored, and execute nothing', async () => {
    const { server, store, message, button } = await posted();
    running = await startBot(server, store, AT_PROPOSAL, at(2));
    const approveAaa = button(/Approve AAA/);
    const press = (fromUserId: number, data: string, messageId = message.message_id) =>
      server.pressButton({ chatId: CHAT, messageId, fromUserId, data, force: true });
    const queries = [
      press(STRANGER_ID, approveAaa),
      press(VIC_ID, approveAaa),
      press(ANA_ID, `${approveAaa.slice(0, -1)}${approveAaa.endsWith('A') ? 'B' : 'A'}`),
      press(ANA_ID, signCallback(SECRET, { op: 'a', target: 'p-000001-1', nonce: 'oldnonce' })),
      press(ANA_ID, signCallback('another-secret-entirely!', { op: 'a', target: 'p-000001-1', nonce: 'nonce001' })),
    ];
    await server.waitFor((s) => queries.every((q) => s.callbackQuery(q)?.answered));
    expect((await store.listRefusals()).map((r) => [r.reason, r.actorId])).toEqual([
      ['unauthorized', `telegram:${STRANGER_ID}`], ['forbidden', `telegram:${VIC_ID}`], ['forged', `telegram:${ANA_ID}`],
      ['replayed', `telegram:${ANA_ID}`], ['forged', `telegram:${ANA_ID}`],
    ]);
    expect(server.callbackQuery(queries[0]!)?.answer).toMatchObject({ show_alert: true });
    expect(store.account('paper')!.trades).toHaveLength(0);
    expect(store.proposalRecords({ statuses: ['pending'] })).toHaveLength(2);
    expect(server.messages(CHAT)[0]!.editCount).toBe(0);
  });

  it('should mark an expired proposal and a price past tolerance without executing, each with its reason', async () => {
    const { server, store, message, button } = await posted();
    running = await startBot(server, store, quotes({ AAA: 60, BBB: 26 }), at(2));
    server.pressButton({ chatId: CHAT, messageId: message.message_id, fromUserId: ANA_ID, data: button(/Approve BBB/) });
    await server.waitFor((s) => s.messages(CHAT)[0]!.editCount === 1);
    running.setNow(at(121));
    server.pressButton({ chatId: CHAT, messageId: message.message_id, fromUserId: ANA_ID, data: button(/Approve AAA/) });
    await server.waitFor((s) => s.messages(CHAT)[0]!.editCount === 2);
    expect(store.proposalRecord('p-000001-2')).toMatchObject({ status: 'stale', outcome: { code: 'PRICE_MOVED' } });
    expect(store.proposalRecord('p-000001-1')).toMatchObject({ status: 'expired', outcome: { code: 'EXPIRED' } });
    expect(server.messages(CHAT)[0]!.text).toMatch(/p-000001-1[^•]*⌛ expired at Sat 21 Nov 15:01 Europe\/Berlin[\s\S]*p-000001-2[^•]*stale: BBB moved 4\.00% \(25 → 26\), past the 2% tolerance/);
    expect(server.messages(CHAT)[0]!.reply_markup).toBeUndefined();
    expect(store.account('paper')!.trades).toHaveLength(0);
  });

  it('should give exactly one decision and one execution for a double tap and for Approve and Reject pressed together', async () => {
    const { server, store, message, button } = await posted();
    const press = (data: string) => server.pressButton({ chatId: CHAT, messageId: message.message_id, fromUserId: ANA_ID, data, force: true });
    const queries = [press(button(/Approve AAA/)), press(button(/Approve AAA/)), press(button(/Approve BBB/)), press(button(/Reject BBB/)), press(button(/Reject all/))];
    running = await startBot(server, store, AT_PROPOSAL, at(2));
    await server.waitFor((s) => queries.every((q) => s.callbackQuery(q)?.answered));
    expect(store.account('paper')!.trades.map((t) => t.symbol)).toEqual(['AAA', 'BBB']);
    expect(store.proposalRecords().map((r) => r.status)).toEqual(['executed', 'executed']);
    expect((await store.listRefusals()).filter((r) => r.reason === 'already_decided')).toHaveLength(2);
    expect(server.callbackQuery(queries[1]!)?.answer?.text).toMatch(/AAA: already executed/);
  });

  it('should post each proposal exactly once through 429 and 5xx answers and store its message id', async () => {
    server = await startBotApiServer();
    const { store } = await storeWithPending(TELEGRAM_POLICY);
    server.injectFault({ method: 'sendMessage', kind: '429', times: 2, retryAfter: 0 });
    server.injectFault({ method: 'sendMessage', kind: '500' });
    server.injectFault({ method: 'sendMessage', kind: '502', htmlBody: true });
    const api = new Api(server.token, { apiRoot: server.apiRoot });
    installRetry(api);
    expect(await postPendingBatches(api, store, testConfig(server!), at(1), { backoffMs: () => 0 })).toBe(1);
    expect(await postPendingBatches(api, store, testConfig(server!), at(2), { backoffMs: () => 0 })).toBe(0);
    expect(server.calls.filter((c) => c.method === 'sendMessage').map((c) => c.status)).toEqual([429, 429, 500, 502, 200]);
    expect(server.messages(CHAT)).toHaveLength(1);
    const messageId = server.messages(CHAT)[0]!.message_id;
    expect(store.proposalRecords().map((r) => r.telegram)).toEqual([{ chatId: CHAT, messageId }, { chatId: CHAT, messageId }]);
  });

  it('should keep buttons working after the bot process restarts with proposals pending', async () => {
    server = await startBotApiServer();
    const dir = await mkdtemp(join(tmpdir(), 'ballast-tg-restart-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const { store: memory } = await storeWithPending(TELEGRAM_POLICY);
    const first = await Store.open(dir, 'telegram');
    for (const record of memory.proposalRecords()) first.putProposalRecord(record);
    first.putAccount(memory.account('paper')!);
    await first.persist();
    running = await startBot(server, first, AT_PROPOSAL, at(1));
    await postPendingBatches(new Api(server.token, { apiRoot: server.apiRoot }), first, testConfig(server!), at(1));
    await running.stop();
    await first.close();

    const second = await Store.open(dir, 'telegram');
    cleanups.push(() => second.close());
    running = await startBot(server, second, AT_PROPOSAL, at(3));
    const message = server.messages(CHAT)[0]!;
    server.pressButton({ chatId: CHAT, messageId: message.message_id, fromUserId: ANA_ID, data: dataOf(message.reply_markup!.inline_keyboard[2]![0]) });
    const asking = await server.waitFor((s) => s.messages(CHAT)[0]!.editCount === 1 && s.messages(CHAT)[0]);
    server.pressButton({ chatId: CHAT, messageId: message.message_id, fromUserId: ANA_ID, data: dataOf(asking.reply_markup!.inline_keyboard[0]![0]) });
    await server.waitFor((s) => s.messages(CHAT)[0]!.editCount === 2);
    expect(second.proposalRecords().map((r) => r.status)).toEqual(['executed', 'executed']);
    expect(server.messages(CHAT)[0]!.reply_markup).toBeUndefined();
  });

  it('should answer /status, /pending, /history, and refuse approvals between /pause and /resume', async () => {
    const { server, store, message, button } = await posted();
    running = await startBot(server, store, AT_PROPOSAL, at(2));
    const say = async (text: string, fromUserId = ANA_ID): Promise<string> => {
      const before = server.messages(CHAT).length;
      server.sendText({ chatId: CHAT, fromUserId, text });
      const reply = await server.waitFor((s) => s.messages(CHAT).length > before + 1 && s.messages(CHAT).at(-1)!.fromBot && s.messages(CHAT).at(-1));
      return reply.text;
    };
    expect(await say('/status')).toMatch(/test-bot: running · 2 pending · last run run-000001/);
    expect(await say('/pending')).toMatch(/p-000001-1[\s\S]*pending until Sat 21 Nov 15:00 Europe\/Berlin[\s\S]*p-000001-2/);
    expect(await say('/pause', VIC_ID)).toMatch(/Only approvers/);
    expect(await say('/pause')).toMatch(/Paused: test-bot/);
    const refused = server.pressButton({ chatId: CHAT, messageId: message.message_id, fromUserId: ANA_ID, data: button(/Approve AAA/) });
    await server.waitFor((s) => s.callbackQuery(refused)?.answered);
    expect(server.callbackQuery(refused)?.answer?.text).toMatch(/paused/);
    expect(await say('/resume')).toMatch(/Resumed: test-bot/);
    server.pressButton({ chatId: CHAT, messageId: message.message_id, fromUserId: ANA_ID, data: button(/Approve AAA/) });
    await server.waitFor((s) => s.messages(CHAT)[0]!.editCount === 1);
    expect(await say('/history')).toMatch(/p-000001-1 AAA: approved by User1001 \(telegram\) at Sat 21 Nov 13:02 Europe\/Berlin/);
    expect(await say('/positions')).toMatch(/account paper[\s\S]*BBB/);
    expect((await store.listRefusals()).map((r) => r.reason)).toEqual(['forbidden', 'paused']);
  });
});
