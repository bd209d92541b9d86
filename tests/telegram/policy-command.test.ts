import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PolicyRegistry } from '../../src/serve/policy-registry.js';
import { formatPolicySummary } from '../../src/text/format-policy-summary.js';
import { loadPolicyFile } from '../../src/workspace/load-policy-file.js';
import { startBotApiServer, type BotApiServer, type ChatMessageView } from '../support/bot-api-server.js';
import { policyFrom } from '../support/policy-fixtures.js';
import { at, quotes, storeWithPending } from '../approval/approval-fixtures.js';
import { ANA_ID, CHAT, startBot, STRANGER_ID, VIC_ID, type RunningBot } from './telegram-fixtures.js';

const ROOT = join(import.meta.dirname, '../..');

let server: BotApiServer | undefined;
let running: RunningBot | undefined;

afterEach(async () => {
  await running?.stop();
  running = undefined;
  await server?.close();
  server = undefined;
});

describe('/policy', () => {
  it('should show an allowlisted user the effective policy with its revision, and refuse a stranger', async () => {
    server = await startBotApiServer();
    const { store } = await storeWithPending();
    const registry = new PolicyRegistry();
    const loaded = await loadPolicyFile(join(ROOT, 'policies/dee-bot.yaml'), ROOT);
    registry.update(loaded.path, loaded);
    running = await startBot(server, store, quotes({ AAA: 60, BBB: 25 }), at(2), { policiesInForce: async () => registry.active() });
    const say = async (text: string, fromUserId = ANA_ID, chatId = CHAT): Promise<ChatMessageView> => {
      const before = server!.messages(chatId).length;
      server!.sendText({ chatId, fromUserId, text });
      return server!.waitFor((s) => s.messages(chatId).length > before + 1 && s.messages(chatId).at(-1)!.fromBot && s.messages(chatId).at(-1));
    };

    const reply = await say('/policy dee-bot');
    expect(reply.parseMode).toBe('HTML');
    expect(reply.text).toMatch(new RegExp(`^DEE-BOT \\(defensive\\) · dee-bot\\npolicies/dee-bot\\.yaml @ ${loaded.revision.revision.replace('+', '\\+')} · sha256 ${loaded.revision.contentHash.slice(0, 12)}\\n`));
    const [table] = (reply.entities ?? []).filter((e) => e.type === 'pre').map((e) => reply.text.slice(e.offset, e.offset + e.length));
    expect(table).toBe([
      'account        paper-dee · USD',
      'approval       cli, expires 24 h',
      'execution      paper · auto off',
      'commission     0 bps, min 0 USD',
      'slippage       5 bps',
      'stale price    moved over 2%',
      'price age      ≤ 36500 days',
      'take profit    +20%: sell 50%',
      'cut loss       −10%, stop −15%',
      'stale          21 d within ±5%',
      'concentration  over 15% → 12%',
      'exits/week     3',
      'trades/run     10',
      'min trade      500 USD',
      'rebalance      off',
    ].join('\n'));
    expect(reply.text).toMatch(/• rule slow-bleed: exit — down 7% after two weeks without recovering\n• weekly_review: weekly on saturday at 11:55 \(America\/New_York\) runs all/);
    expect((await say('/policy', VIC_ID, VIC_ID)).text).toMatch(/^DEE-BOT \(defensive\)/);
    expect((await say('/policy dee_bot')).text).toBe('No policy "dee_bot" in force. Try /policy dee-bot.');

    const refused = await say('/policy', STRANGER_ID, STRANGER_ID);
    expect(refused.text).toBe(`Not authorized. Your Telegram user id is ${STRANGER_ID}; ask the operator to add it.`);
    expect((await store.listRefusals()).map((r) => [r.reason, r.actorId])).toEqual([['unauthorized', `telegram:${STRANGER_ID}`]]);

    const positions = await say('/positions');
    expect((positions.entities ?? []).filter((e) => e.type === 'pre').map((e) => positions.text.slice(e.offset, e.offset + 12))).toEqual(['account pape']);
  });

  it('should escape what the policy says, so a `<` in a description cannot break the message', () => {
    const policy = policyFrom('name: "A <b> & co"\nrules:\n  - id: dip\n    description: "weight < 5% & falling"\n    conditions: { all: [{ fact: weight_pct, operator: lessThan, value: 5 }] }\n    event: { type: exit }\n');
    const blocks = formatPolicySummary({ policy, revision: { file: 'x.yaml', revision: 'abc1234', contentHash: 'f'.repeat(64) }, schedules: [] });
    const html = blocks.map((b) => ('html' in b ? b.html : b.pre)).join('\n');
    expect(html).toContain('<b>A &lt;b&gt; &amp; co</b>');
    expect(html).toContain('• rule dip: exit — weight &lt; 5% &amp; falling');
  });
});
