import { Api } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { postPendingBatches } from '../../src/telegram/post-batches.js';
import { startBotApiServer, type BotApiServer } from '../support/bot-api-server.js';
import { at, quotes, storeWithPending } from '../approval/approval-fixtures.js';
import { ANA_ID, CHAT, startBot, STRANGER_ID, testConfig, type RunningBot } from './telegram-fixtures.js';

const TELEGRAM_POLICY = 'approval: { mode: telegram, expires_after_hours: 2 }\nexecution: { slippage_bps: 5, price_tolerance_pct: 2 }\n';

let server: BotApiServer | undefined;
let running: RunningBot | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
  await server?.close();
  server = undefined;
});

describe('Telegram under faults and floods', () => {
  it('should edit the message after a tap even when answering the button fails with a 5xx', async () => {
    server = await startBotApiServer();
    const { store } = await storeWithPending(TELEGRAM_POLICY);
    await postPendingBatches(new Api(server.token, { apiRoot: server.apiRoot }), store, testConfig(server!), at(1));
    const message = server.messages(CHAT)[0]!;
    const approve = message.reply_markup!.inline_keyboard[0]![0]! as { callback_data: string };
    server.injectFault({ method: 'answerCallbackQuery', kind: '502' });
    running = await startBot(server, store, quotes({ AAA: 60, BBB: 25 }), at(2));
    server.pressButton({ chatId: CHAT, messageId: message.message_id, fromUserId: ANA_ID, data: approve.callback_data });
    await server.waitFor((s) => s.messages(CHAT)[0]!.editCount === 1);
    expect(store.proposalRecord('p-000001-1')).toMatchObject({ status: 'executed' });
    expect(server.messages(CHAT)[0]!.text).toMatch(/p-000001-1[^•]*executed/);
    expect(server.messages(CHAT)[0]!.reply_markup!.inline_keyboard.flat().map((b) => b.text)).not.toContain('✅ Approve AAA');
  });

  it('should answer a stranger flooding the bot once per window and store the flood as a few counted refusals', async () => {
    server = await startBotApiServer();
    const { store } = await storeWithPending(TELEGRAM_POLICY);
    running = await startBot(server, store, quotes({}), at(2), { floodWindowMs: 300 });
    for (let i = 0; i < 1000; i++) server.sendText({ chatId: STRANGER_ID, fromUserId: STRANGER_ID, text: `spam ${i}` });
    await server.waitFor((s) => s.pendingUpdates().length === 0, { timeoutMs: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 600)); // the window closes and its count is stored
    expect(server.messages(STRANGER_ID).filter((m) => m.fromBot).length).toBeLessThanOrEqual(3);
    const refusals = (await store.listRefusals()).filter((r) => r.actorId === `telegram:${STRANGER_ID}`);
    expect(refusals.length).toBeLessThanOrEqual(10);
    expect(refusals.reduce((sum, r) => sum + (r.count ?? 1), 0)).toBe(1000);
  });
});
