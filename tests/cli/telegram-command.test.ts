import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { telegramCommand } from '../../src/cli/commands/telegram.js';
import { main } from '../../src/cli/main.js';
import { Store } from '../../src/store/store.js';
import { startBotApiServer, type BotApiServer } from '../support/bot-api-server.js';
import { testIo } from '../support/test-io.js';

const ROOT = join(import.meta.dirname, '../..');
const SECRET = 'test-secret-0123456789abcdef';
let server: BotApiServer | undefined;
let dir: string | undefined;

afterEach(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('ballast telegram', () => {
  it('should post what `ballast run` left unposted, answer a tap, hold the database lock, and never print the token', async () => {
    server = await startBotApiServer();
    dir = await mkdtemp(join(tmpdir(), 'ballast-tg-cmd-'));
    await cp(join(ROOT, 'policies'), join(dir, 'policies'), { recursive: true });
    await cp(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
    await main(['run'], testIo(dir));
    const env = { BALLAST_TELEGRAM_TOKEN: server.token, BALLAST_CALLBACK_SECRET: SECRET, BALLAST_TELEGRAM_APPROVERS: '1001', BALLAST_TELEGRAM_API_ROOT: server.apiRoot };
    const io = { ...testIo(dir), env };
    let stop!: () => void;
    const until = new Promise<void>((resolve) => (stop = resolve));
    const running = telegramCommand({ until, policies: 'policies' }, io);

    const message = await server.waitFor((s) => s.messages(1001)[0]?.reply_markup && s.messages(1001)[0]);
    expect(message.text).toMatch(/SHORGAN-BOT/);
    await server.waitFor((s) => s.commands().length > 0 && s.pendingPolls > 0);
    expect(server.commands().map((c) => c.command)).toContain('pending');
    const busy = testIo(dir);
    expect(await main(['approve', '--all'], busy)).toBe(1);
    expect(busy.err()).toMatch(/ballast telegram \(pid \d+, started /);

    server.sendText({ chatId: 1001, fromUserId: 1001, text: '/next' });
    const next = await server.waitFor((s) => s.messages(1001).find((m) => m.fromBot && m.text.includes('weekly_review')));
    expect(next.text).toMatch(/dee-bot  weekly_review  "weekly on saturday at 11:55"  runs \[all\][\s\S]*last: 2026-11-21 07:00 EST \(your time 2026-11-21 12:00 UTC\)  run-000001 by ballast run\n  next: 2026-11-21 11:55 EST/);

    const button = message.reply_markup!.inline_keyboard.at(-1)![1]!;
    server.pressButton({ chatId: 1001, messageId: message.message_id, fromUserId: 1001, data: (button as { callback_data: string }).callback_data });
    const asking = await server.waitFor((s) => s.messages(1001)[0]!.editCount === 1 && s.messages(1001)[0]);
    const yes = asking.reply_markup!.inline_keyboard[0]![0]! as { text: string; callback_data: string };
    expect(yes.text).toBe('❌ Yes, reject all 2');
    server.pressButton({ chatId: 1001, messageId: message.message_id, fromUserId: 1001, data: yes.callback_data });
    await server.waitFor((s) => s.messages(1001)[0]!.editCount === 2);
    stop();
    expect(await running).toBe(0);

    const store = await Store.open(join(dir, '.ballast'));
    expect(store.proposalRecords({ policyId: 'shorgan-bot' }).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(`${io.out()}\n${io.err()}`).not.toContain(server.token);
    expect(`${io.out()}\n${io.err()}`).not.toContain(SECRET);
  });
});
