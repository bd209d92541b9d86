import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startBotApiServer, type BotApiServer } from '../support/bot-api-server.js';
import { exampleWorkspace } from '../support/example-workspace.js';
import { testIo } from '../support/test-io.js';

describe('ballast reconcile', () => {
  let dir: string;
  let remove: () => Promise<void>;
  let server: BotApiServer | undefined;
  beforeEach(async () => {
    ({ dir, remove } = await exampleWorkspace('reconcile'));
    await main(['run'], testIo(dir));
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await remove();
  });

  /** The broker's export of what `ballast run` opened paper-dee with, changed by `edit`. */
  async function brokerExport(edit: (rows: string[]) => string[] = (rows) => rows): Promise<void> {
    const holdings = (await readFile(join(dir, 'examples/holdings/dee-bot.csv'), 'utf8')).trim().split('\n').slice(1);
    const rows = holdings.map((line) => line.split(',').slice(0, 2).join(','));
    await writeFile(join(dir, 'broker.csv'), `symbol,quantity\n${edit(rows).join('\n')}\n`);
  }
  async function reconcile(...extra: string[]) {
    const io = testIo(dir);
    const code = await main(['reconcile', '--positions', 'broker.csv', '--policy', 'dee-bot', ...extra], io);
    return { code, out: io.out(), err: io.err() };
  }

  it('should exit 0 when the broker holds what the account holds', async () => {
    await brokerExport();
    const result = await reconcile();
    expect(result).toMatchObject({ code: 0 });
    expect(result.out).toMatch(/paper-dee vs broker\.csv .* threshold 1%\n {2}no differences above 1%/);
  });

  it('should report differences above the threshold by quantity and by value, and exit 2', async () => {
    await brokerExport((rows) => [...rows.map((r) => r.replace(/^GE,300$/, 'GE,250')), 'XOM,10', 'CASH,7000']);
    const result = await reconcile();
    expect(result.code).toBe(2);
    expect(result.out).toMatch(/GE +ours +300 +broker +250 +−50 sh \(16\.67%\) +−2,163\.00 USD \(2% of equity\)/);
    expect(result.out).toMatch(/XOM +ours +0 +broker +10 +\+10 sh \(100%\)/);
    expect(result.out).not.toMatch(/CASH/); // 1,000.00 is 0.92% of equity: under 1%
    expect(result.out).toMatch(/2 differences above 1%/);
    const json = await reconcile('--json', '--threshold-pct', '0.5');
    expect(JSON.parse(json.out)).toMatchObject({ differences: 3, cash: { ours: 8000, broker: 7000, diff: -1000, overThreshold: true } });
    const loose = await reconcile('--threshold-pct', '20');
    expect(loose.out).not.toMatch(/GE +ours/);
    expect(loose.out).toMatch(/1 difference above 20%/);
  });

  it('should post the differences to Telegram when it is configured', async () => {
    server = await startBotApiServer();
    await brokerExport((rows) => rows.map((r) => r.replace(/^GE,300$/, 'GE,250')));
    const io = { ...testIo(dir), env: { BALLAST_TELEGRAM_TOKEN: server.token, BALLAST_CALLBACK_SECRET: 'test-secret-0123456789abcdef', BALLAST_TELEGRAM_APPROVERS: '1001', BALLAST_TELEGRAM_API_ROOT: server.apiRoot } };
    expect(await main(['reconcile', '--positions', 'broker.csv', '--account', 'paper-dee'], io)).toBe(2);
    expect(server.messages(1001).map((m) => m.text)).toEqual([expect.stringMatching(/Reconciliation: paper-dee vs broker\.csv[\s\S]*GE +ours +300 +broker +250/)]);
    const [message] = server.messages(1001);
    expect(message!.parseMode).toBe('HTML');
    const [table] = (message!.entities ?? []).filter((e) => e.type === 'pre').map((e) => message!.text.slice(e.offset, e.offset + e.length));
    expect(table).toMatch(/^ +GE +ours +300 +broker +250 /);
  });

  it('should exit 1 with the file and row of a bad export, and for a policy or account it does not know', async () => {
    await writeFile(join(dir, 'broker.csv'), 'symbol,quantity\nGE,abc\n');
    const bad = await reconcile();
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/broker\.csv:2 {2}quantity {2}"abc" is not a plain decimal/);
    await brokerExport();
    const io = testIo(dir);
    expect(await main(['reconcile', '--positions', 'broker.csv'], io)).toBe(1);
    expect(io.err()).toMatch(/several paper accounts .*--policy <id>/);
    const unknown = testIo(dir);
    expect(await main(['reconcile', '--positions', 'broker.csv', '--policy', 'dee-bott'], unknown)).toBe(1);
    expect(unknown.err()).toMatch(/no policy dee-bott in .* \(did you mean dee-bot\?\)/);
  });
});
