import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { openAccount } from '../../src/portfolio/open-account.js';
import type { EquityPoint } from '../../src/store/equity-point.js';
import { Store } from '../../src/store/store.js';
import { startBotApiServer, type BotApiServer, type ChatMessageView } from '../support/bot-api-server.js';
import { exampleWorkspace } from '../support/example-workspace.js';
import { decodePng, type DecodedPng } from '../support/png-image.js';
import { testIo } from '../support/test-io.js';
import { quotes } from '../approval/approval-fixtures.js';
import { ANA_ID, CHAT, startBot, STRANGER_ID, VIC_ID, type RunningBot } from './telegram-fixtures.js';

let server: BotApiServer | undefined;
/** Undone in reverse order after each test: the bot stops before the server closes and the store. */
const teardown: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const step of teardown.splice(0).reverse()) await step();
  server = undefined;
});

/** Starts the loopback Bot API server and the real bot on `store`, both torn down after the test. */
async function startBotOn(store: Store, now: Date): Promise<void> {
  const started = await startBotApiServer();
  server = started;
  teardown.push(() => started.close());
  const running: RunningBot = await startBot(started, store, quotes({}), now);
  teardown.push(() => running.stop());
}

/** Writes `text` as a user and waits until the bot has sent `replies` messages after it. */
async function say(text: string, replies = 1, fromUserId = ANA_ID): Promise<ChatMessageView[]> {
  const before = server!.messages(CHAT).length;
  server!.sendText({ chatId: CHAT, fromUserId, text });
  await server!.waitFor((s) => s.messages(CHAT).length >= before + 1 + replies);
  return server!.messages(CHAT).slice(before + 1);
}

type Rgb = readonly [number, number, number];

/** Share of the pixels in a box whose colour passes `test`. */
function share(png: DecodedPng, box: { x: number; y: number; width: number; height: number }, test: (rgb: Rgb) => boolean): number {
  let hits = 0;
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = box.x; x < box.x + box.width; x++) {
      const at = (y * png.width + x) * png.channels;
      if (test([png.pixels[at]!, png.pixels[at + 1]!, png.pixels[at + 2]!])) hits++;
    }
  }
  return hits / (box.width * box.height);
}

const dark = ([r, g, b]: Rgb) => r < 128 && g < 128 && b < 128;
/** The equity line's blue (#1f6feb). */
const blue = ([r, g, b]: Rgb) => b > 200 && r < 90 && g < 150;
/** The drawdown area's light red (#d64545 at 25% on white). */
const pink = ([r, g, b]: Rgb) => r > 230 && g > 180 && g < 225 && b > 180 && b < 225;

/** 60 daily valuations from 100,000: up 20%, down 15% from the top, back up a little. */
function history(): EquityPoint[] {
  const points: EquityPoint[] = [];
  for (let day = 0; day < 60; day++) {
    const equity = day < 30 ? 100_000 * (1 + 0.2 * (day / 29)) : day < 45 ? 120_000 * (1 - 0.15 * ((day - 29) / 15)) : 102_000 * (1 + 0.004 * (day - 44));
    const at = new Date(Date.UTC(2026, 8, 1 + day, 21, 30)).toISOString();
    points.push({ at, equity, cash: 5_000, source: day % 7 === 3 ? { kind: 'execution', proposalId: `p-${day}` } : { kind: 'run', runId: `run-${day}` } });
  }
  return points;
}

describe('/report (real grammY on the loopback Bot API server)', () => {
  it('should post the paper account’s equity since it started as a PNG with its drawdown, and a caption', async () => {
    const store = await Store.inMemory();
    store.putAccount(openAccount({ accountId: 'paper-swing', baseCurrency: 'USD', initialCapital: 100_000, at: '2026-09-01T21:30:00Z' }));
    for (const point of history()) store.recordEquity('paper-swing', point);
    await startBotOn(store, new Date('2026-10-31T12:00:00Z'));

    const [reply] = await say('/report paper-swing', 1, VIC_ID);
    expect(reply!.photo).toBeDefined();
    const png = decodePng(reply!.photo!.bytes);
    expect({ width: png.width, height: png.height }).toEqual({ width: 1200, height: 600 });
    expect({ width: reply!.photo!.width, height: reply!.photo!.height }).toEqual({ width: 1200, height: 600 });
    // the title is drawn (text needs the bundled font), the equity line in the top two thirds, the drawdown below
    const whole = { x: 0, y: 0, width: 1200, height: 600 };
    expect(share(png, { x: 12, y: 8, width: 400, height: 24 }, dark)).toBeGreaterThan(0.02);
    expect(share(png, { ...whole, height: 390 }, blue)).toBeGreaterThan(0.002);
    expect(share(png, { ...whole, y: 400, height: 200 }, pink)).toBeGreaterThan(0.02);
    expect(share(png, { ...whole, height: 390 }, pink)).toBe(0);
    // final 102,000 × (1 + 0.004 × 15) = 108,120.00, +8.1% on the first 100,000; max drawdown 120,000 → 102,000 = −15%
    expect(reply!.caption).toBe(
      ['paper-swing · equity 108,120.00 USD', 'since 2026-09-01 21:30 UTC: +8.1% · max drawdown −15.0%', '60 valuations: 51 runs, 9 executions'].join('\n'),
    );
  });

  it('should answer /report for a policy from its recorded runs, and one picture per account without an argument', async () => {
    const { dir, remove } = await exampleWorkspace('report');
    teardown.push(remove);
    expect(await main(['run'], testIo(dir, new Date('2026-11-23T21:30:00Z')))).toBe(0);
    expect(await main(['approve', '--all', '--policy', 'dee-bot'], testIo(dir, new Date('2026-11-23T22:00:00Z')))).toBe(0);
    expect(await main(['run'], testIo(dir, new Date('2026-11-24T21:30:00Z')))).toBe(0);
    const store = await Store.open(join(dir, '.ballast'), 'telegram');
    teardown.push(() => store.close());
    await startBotOn(store, new Date('2026-11-25T12:00:00Z'));

    const [dee] = await say('/report dee-bot');
    expect(decodePng(dee!.photo!.bytes)).toMatchObject({ width: 1200, height: 600 });
    expect(dee!.caption).toMatch(/^paper-dee \(dee-bot\) · equity [\d,.]+ USD\nsince 2026-11-23 21:30 UTC: 0\.0% · max drawdown 0\.0%\n5 valuations: 2 runs, 3 executions$/);

    // one picture per paper account of the four example policies, each valued by both runs
    const all = await say('/report', 4);
    expect(all.map((m) => m.caption?.split(' ')[0])).toEqual(['paper-dee', 'paper-index', 'paper-multi', 'paper-shorgan']);

    expect((await say('/report nobody'))[0]!.text).toBe('No policy or paper account "nobody". Try /report dee-bot, /report dow-index, /report multi-factor, /report shorgan-bot.');
  });

  it('should say when an account has too little history for a chart, and answer no stranger', async () => {
    const store = await Store.inMemory();
    store.putAccount(openAccount({ accountId: 'paper-new', baseCurrency: 'USD', initialCapital: 1_000, at: '2026-11-01T00:00:00Z' }));
    store.recordEquity('paper-new', { at: '2026-11-01T21:30:00Z', equity: 1_000, cash: 1_000, source: { kind: 'run', runId: 'run-000001' } });
    await startBotOn(store, new Date('2026-11-02T12:00:00Z'));
    expect((await say('/report'))[0]!.text).toBe('paper-new: one valuation yet. Equity is recorded with every run and execution; the chart starts with the next one.');
    server!.sendText({ chatId: CHAT, fromUserId: STRANGER_ID, text: '/report' });
    const reply = await server!.waitFor((s) => s.messages(CHAT).at(-1)!.fromBot && s.messages(CHAT).at(-1));
    expect(reply.photo).toBeUndefined();
  });
});
