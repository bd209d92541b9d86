import { Api } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { postPendingBatches } from '../../src/telegram/post-batches.js';
import { CALLBACK_DATA_MAX_BYTES } from '../../src/telegram/callback-data.js';
import { startBotApiServer, type BotApiServer, type ChatMessageView } from '../support/bot-api-server.js';
import { at, quotes, sellProposal, storeWithPending } from '../approval/approval-fixtures.js';
import { ANA_ID, CHAT, startBot, testConfig, VIC_ID, type RunningBot } from './telegram-fixtures.js';

const POLICY = 'name: "Dee <defensive> & co"\napproval: { mode: telegram, expires_after_hours: 2 }\nexecution: { slippage_bps: 5, price_tolerance_pct: 2 }\n';

let server: BotApiServer | undefined;
let running: RunningBot | undefined;

afterEach(async () => {
  await running?.stop();
  running = undefined;
  await server?.close();
  server = undefined;
});

/** The text a `pre` entity of the message covers, in order. */
function preBlocks(message: ChatMessageView): string[] {
  return (message.entities ?? []).filter((e) => e.type === 'pre').map((e) => message.text.slice(e.offset, e.offset + e.length));
}

function labels(message: ChatMessageView): string[][] {
  return (message.reply_markup?.inline_keyboard ?? []).map((row) => row.map((b) => b.text));
}

function dataOf(message: ChatMessageView, label: RegExp): string {
  const button = message.reply_markup?.inline_keyboard.flat().find((b) => label.test(b.text)) as InlineKeyboardButton.CallbackButton | undefined;
  if (button === undefined) throw new Error(`no button ${label} on message ${message.message_id}: ${JSON.stringify(labels(message))}`);
  return button.callback_data;
}

/** AAA (reason with a `<` and a `&`) and BBB pending for Telegram, CCC dropped by a limit; posted as one message. */
async function posted() {
  server = await startBotApiServer();
  const aaa = { ...sellProposal('AAA', 100, 60), reason: 'up 20% since entry & weight < 5% of equity: <b>sell</b>' };
  const dropped = [{ proposal: sellProposal('CCC', 10, 30), constraint: 'max_trades_per_run' as const, detail: 'rank 3; max_trades_per_run is 2' }];
  const { store } = await storeWithPending(POLICY, [aaa, sellProposal('BBB', 40, 25)], { dropped });
  expect(await postPendingBatches(new Api(server.token, { apiRoot: server.apiRoot }), store, testConfig(server), at(1))).toBe(1);
  return { server, store, message: server.messages(CHAT)[0]! };
}

describe('Telegram messages for a phone (real grammY on the loopback Bot API server)', () => {
  it('should send HTML a phone shows as meant: text escaped, tables in <pre>, prices date and currency, money P&L, expiry in the approver zone, drops', async () => {
    const { server, message } = await posted();
    const send = server.calls.find((c) => c.method === 'sendMessage')!;
    expect(send.params).toMatchObject({ parse_mode: 'HTML' });
    expect(message.parseMode).toBe('HTML');
    expect(message.text).toMatch(/^Dee <defensive> & co · run-000001\nprices of 2026-11-20 · amounts in USD\naccount paper · policy @ abc1234\n/);
    expect(message.text).toContain('up 20% since entry & weight < 5% of equity: <b>sell</b>');
    expect(message.entities?.filter((e) => e.type === 'bold').map((e) => message.text.slice(e.offset, e.offset + e.length))).toEqual(['Dee <defensive> & co', 'SELL 100 AAA', 'SELL 40 BBB', 'Not proposed: dropped by limits (1)']);
    expect(preBlocks(message)).toEqual([
      'price        60.00 USD\nnotional  6,000.00 USD\nP&L      +1,000.00 USD +20.0%\nweight   10.0% → 0.0%',
      'price       25.00 USD\nnotional 1,000.00 USD\nP&L       +200.00 USD +25.0%\nweight   10.0% → 0.0%',
    ]);
    expect(message.text).toMatch(/p-000001-1\n⏳ pending · expires Sat 21 Nov 15:00 Europe\/Berlin \(in 1 h 59 min\)/);
    expect(message.text).toMatch(/Not proposed: dropped by limits \(1\)\n• CCC cut_loss · max_trades_per_run: rank 3; max_trades_per_run is 2$/);
  });

  it('should ask one confirmation before Approve all executes anything, and put the buttons back on Cancel', async () => {
    const { server, store, message } = await posted();
    running = await startBot(server, store, quotes({ AAA: 60, BBB: 25 }), at(2));
    const press = async (data: string, fromUserId = ANA_ID): Promise<{ view: ChatMessageView; answer: string }> => {
      const edits = server.messages(CHAT)[0]!.editCount;
      const query = server.pressButton({ chatId: CHAT, messageId: message.message_id, fromUserId, data, force: true });
      await server.waitFor((s) => s.callbackQuery(query)?.answered && (fromUserId !== ANA_ID || s.messages(CHAT)[0]!.editCount > edits));
      return { view: server.messages(CHAT)[0]!, answer: server.callbackQuery(query)!.answer?.text ?? '' };
    };

    const asked = await press(dataOf(message, /Approve all/));
    expect(asked.answer).toBe('Approve all 2 of run-000001: sell 7,000.00 USD (AAA, BBB)? Tap “Yes” to confirm, or Cancel.');
    expect(labels(asked.view)).toEqual([['✅ Yes, approve all 2'], ['↩️ Cancel']]);
    expect(asked.view.text).toBe(message.text);
    expect(store.proposalRecords().map((r) => r.status)).toEqual(['pending', 'pending']);
    for (const button of asked.view.reply_markup!.inline_keyboard.flat()) {
      expect(Buffer.byteLength((button as InlineKeyboardButton.CallbackButton).callback_data)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
    }

    const cancelled = await press(dataOf(asked.view, /Cancel/));
    expect(cancelled.answer).toBe('Cancelled: nothing was decided.');
    expect(labels(cancelled.view)).toEqual(labels(message));

    const again = await press(dataOf(cancelled.view, /Approve all/));
    const yes = dataOf(again.view, /Yes, approve all/);
    await press(yes, VIC_ID);
    expect(store.proposalRecords().map((r) => r.status)).toEqual(['pending', 'pending']);
    expect(store.account('paper')!.trades).toHaveLength(0);

    const done = await press(yes);
    expect(done.answer).toMatch(/^AAA: executed @ 59\.97 · BBB: executed @ 24\.99$/);
    expect(store.proposalRecords().map((r) => r.status)).toEqual(['executed', 'executed']);
    expect(store.account('paper')!.trades.map((t) => t.symbol)).toEqual(['AAA', 'BBB']);
    expect(done.view.reply_markup).toBeUndefined();
    expect(done.view.text).toMatch(/✅ approved by User1001 \(telegram\) at Sat 21 Nov 13:02 Europe\/Berlin → executed: sold 100 @ 59\.97/);
    expect((await store.listRefusals()).map((r) => [r.reason, r.actorId])).toEqual([['forbidden', `telegram:${VIC_ID}`]]);
  });
});
