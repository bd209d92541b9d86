import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBotApiServer, type BotApiServer } from '../support/bot-api-server.js';
import { exampleWorkspace } from '../support/example-workspace.js';
import { FakeClock } from '../support/fake-clock.js';
import { startServe } from '../support/running-serve.js';
import { manualWatcher } from '../serve/daemon-harness.js';

const SECRET = 'test-secret-0123456789abcdef';
const ANA = 1001;

describe('ballast serve with Telegram', () => {
  let dir: string;
  let remove: () => Promise<void>;
  let server: BotApiServer;
  beforeEach(async () => {
    ({ dir, remove } = await exampleWorkspace('serve-tg'));
    server = await startBotApiServer();
  });
  afterEach(async () => {
    await server.close();
    await remove();
  });

  it('should post a scheduled run\'s proposals, execute a tap, answer /next, report an invalid edit, and take console decisions', async () => {
    const env = { BALLAST_TELEGRAM_TOKEN: server.token, BALLAST_CALLBACK_SECRET: SECRET, BALLAST_TELEGRAM_APPROVERS: String(ANA), BALLAST_TELEGRAM_API_ROOT: server.apiRoot, USER: 'ana', TZ: 'Europe/Berlin' };
    const watch = manualWatcher();
    const clock = new FakeClock('2026-11-23T21:30:10Z'); // Monday 16:30:10 New York: shorgan's daily guards are on time
    const serve = await startServe(dir, clock, env, watch);

    const batch = await server.waitFor((s) => s.messages(ANA).find((m) => m.reply_markup));
    expect(batch.text).toMatch(/SHORGAN-BOT \(aggressive\) · run-\d+[\s\S]*SELL 6 T · cut_loss\nprice +13\.64 USD[\s\S]*expires Tue 24 Nov 06:30 Europe\/Berlin \(in 8 h\)[\s\S]*SELL 5 MO · take_profit\nprice +45\.20 USD/);
    await server.waitFor((s) => s.commands().some((c) => c.command === 'next') && s.pendingPolls > 0);
    const approveFirst = batch.reply_markup!.inline_keyboard[0]![0] as { text: string; callback_data: string };
    expect(approveFirst.text).toMatch(/Approve/);
    server.pressButton({ chatId: ANA, messageId: batch.message_id, fromUserId: ANA, data: approveFirst.callback_data });
    const edited = await server.waitFor((s) => s.messages(ANA).find((m) => m.message_id === batch.message_id && m.editCount === 1));
    expect(edited.text).toMatch(/approved by [\s\S]*executed: sold/);

    server.sendText({ chatId: ANA, fromUserId: ANA, text: '/next' });
    const next = await server.waitFor((s) => s.messages(ANA).find((m) => m.fromBot && m.text.includes('daily_guards')));
    expect(next.text).toMatch(/shorgan-bot  daily_guards  "daily at 16:30"[\s\S]*last: 2026-11-23 16:30 EST \(your time 2026-11-23 22:30 GMT\+1\)  finished run-\d+[\s\S]*next: 2026-11-24 16:30 EST/);

    const file = join(dir, 'policies', 'shorgan-bot.yaml');
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.replace(/when: daily at 16:30/, 'when: dayly at 16:30'));
    watch.emit(file);
    const report = await server.waitFor((s) => s.messages(ANA).find((m) => m.text.includes('is invalid')));
    expect(report.text).toMatch(/policies\/shorgan-bot\.yaml is invalid; revision unversioned \(\w{12}\) keeps running until it is fixed:\npolicies\/shorgan-bot\.yaml:19:\d+  schedules\[0\]\.when  /);
    expect(serve.io.err()).toMatch(/policies\/shorgan-bot\.yaml:19:\d+  schedules\[0\]\.when/);

    await serve.type('pending');
    const waiting = /SHORGAN-BOT[^\n]*\n\s+(p-[\w-]+)/.exec(serve.io.out());
    expect(waiting).not.toBeNull();
    await serve.type(`reject ${waiting![1]}`);
    const decided = await server.waitFor((s) => s.messages(ANA).find((m) => m.message_id === batch.message_id && m.editCount === 2));
    expect(decided.text).toMatch(/rejected by ana \(cli\)/);
    expect(decided.reply_markup).toBeUndefined();

    expect(await serve.stop()).toBe(0);
    const output = `${serve.io.out()}\n${serve.io.err()}`;
    expect(output).toMatch(/SIGTERM: finishing the run in progress[\s\S]*stopped; state written/);
    expect(output).not.toContain(server.token);
  });

  it('should stop its schedules when the bot cannot start, so serve exits instead of running on without it', async () => {
    const env = { BALLAST_TELEGRAM_TOKEN: `${server.token}0`, BALLAST_CALLBACK_SECRET: SECRET, BALLAST_TELEGRAM_APPROVERS: String(ANA), BALLAST_TELEGRAM_API_ROOT: server.apiRoot };
    const clock = new FakeClock('2026-11-23T21:30:10Z');
    await expect(startServe(dir, clock, env)).rejects.toThrow();
    expect(clock.cronTasks()).toEqual([]);
  });

  it('should keep a proposal whose post failed and post it once the bot is up, exactly once', async () => {
    const env = { BALLAST_TELEGRAM_TOKEN: server.token, BALLAST_CALLBACK_SECRET: SECRET, BALLAST_TELEGRAM_APPROVERS: String(ANA), BALLAST_TELEGRAM_API_ROOT: server.apiRoot };
    server.injectFault({ method: 'sendMessage', kind: 'drop' });
    const clock = new FakeClock('2026-11-23T21:30:10Z');
    const serve = await startServe(dir, clock, env);
    expect(serve.io.out()).toMatch(/ran shorgan-bot\/daily_guards\/2026-11-23T21:30:00Z[\s\S]*notifier failed: [\s\S]*telegram: bot polling in chat 1001 · 1 message posted at start/);
    await server.waitFor((s) => s.pendingPolls > 0);
    expect(server.messages(ANA).filter((m) => m.reply_markup)).toHaveLength(1);
    expect(await serve.stop()).toBe(0);
  });

  it('should show an undecided proposal as expired on its message when its time passes, and refuse a late tap', async () => {
    const env = { BALLAST_TELEGRAM_TOKEN: server.token, BALLAST_CALLBACK_SECRET: SECRET, BALLAST_TELEGRAM_APPROVERS: String(ANA), BALLAST_TELEGRAM_API_ROOT: server.apiRoot, BALLAST_TELEGRAM_TZ: 'UTC' };
    const clock = new FakeClock('2026-11-23T21:30:10Z'); // shorgan-bot: expires_after_hours 8 → 2026-11-24T05:30Z
    const serve = await startServe(dir, clock, env);
    const batch = await server.waitFor((s) => s.messages(ANA).find((m) => m.reply_markup));
    await serve.advanceTo('2026-11-24T05:29:00Z');
    expect(server.messages(ANA).find((m) => m.message_id === batch.message_id)!.editCount).toBe(0);
    await serve.advanceTo('2026-11-24T05:31:00Z');
    const expired = await server.waitFor((s) => s.messages(ANA).find((m) => m.message_id === batch.message_id && m.editCount === 1));
    expect(expired.text.match(/expired at Tue 24 Nov 05:30 UTC/g)).toHaveLength(2);
    expect(expired.reply_markup).toBeUndefined();
    expect(serve.io.out()).toMatch(/p-[\w-]+ expired undecided \(never executed\): shorgan-bot sell 6 T @ 13\.64/);
    const late = batch.reply_markup!.inline_keyboard[0]![0] as { callback_data: string };
    const query = server.pressButton({ chatId: ANA, messageId: batch.message_id, fromUserId: ANA, data: late.callback_data, force: true });
    const answer = await server.waitFor((s) => s.callbackQuery(query)?.answered && s.callbackQuery(query));
    expect(answer.answer?.text).toMatch(/expired/);
    expect(await serve.stop()).toBe(0);
  });
});
