import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAsOf } from '../../src/run/run-as-of.js';
import { Store } from '../../src/store/store.js';
import { loadPolicyFile } from '../../src/workspace/load-policy-file.js';
import { loadPricePanel } from '../../src/workspace/load-price-panel.js';
import { startBotApiServer, type BotApiServer } from '../support/bot-api-server.js';
import { ANA_ID, CHAT, startBot, type RunningBot } from './telegram-fixtures.js';

const ROOT = join(import.meta.dirname, '../..');

let server: BotApiServer | undefined;
let running: RunningBot | undefined;
afterEach(async () => {
  await running?.stop();
  await server?.close();
});

describe('/strategies (real grammY on the loopback Bot API server)', () => {
  it("should answer with each strategy's allocation, last and next rebalance and sleeve P&L", async () => {
    const store = await Store.inMemory();
    const prices = await loadPricePanel(join(ROOT, 'examples/prices/dow30-daily-1991-2000.csv'), ROOT);
    const loaded = await loadPolicyFile(join(ROOT, 'policies/multi-factor.yaml'), ROOT);
    await runAsOf(loaded, prices, { asOf: '2001-01-02', holdings: { kind: 'account', store, examples: join(ROOT, 'examples'), cwd: ROOT }, store, record: 'main-job' });
    server = await startBotApiServer();
    running = await startBot(server, store, () => undefined, new Date('2026-11-21T12:00:00Z'));
    server.sendText({ chatId: CHAT, fromUserId: ANA_ID, text: '/strategies' });
    const reply = await server.waitFor((s) => s.messages(CHAT).at(-1)?.fromBot && s.messages(CHAT).at(-1));
    expect(reply.text).toMatch(/^MULTI-FACTOR \(three factors, mixed periods\) · as of 2001-01-02 · erc allocation/);
    expect(reply.text).toMatch(/low_vol \(daily\): 33\.3% · last 2001-01-02 · next in 1 session · sleeve [\d,.]+ [+−][\d,.]+/);
    expect(reply.text).toMatch(/kurtosis \(biweekly on monday\): 33\.3% · last 2001-01-02 · next in 4 sessions/);
  });
});
