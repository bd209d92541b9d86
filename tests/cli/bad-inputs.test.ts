import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { exampleWorkspace } from '../support/example-workspace.js';
import { testIo } from '../support/test-io.js';

const PRICES = 'examples/prices/dow30-daily-1991-2000.csv';

/** Inputs that used to break more than themselves: each is refused at its file:row or file:line:col, alone. */
describe('bad inputs', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, remove } = await exampleWorkspace('bad-inputs'));
  });
  afterEach(async () => {
    await remove();
  });

  async function cli(...argv: string[]) {
    const io = testIo(dir);
    const code = await main(argv, io);
    return { code, out: io.out(), err: io.err() };
  }
  async function runIds(): Promise<string[]> {
    const history = await cli('history', '--json');
    return JSON.parse(history.out || '[]').map((r: { policyId: string }) => r.policyId);
  }
  async function edit(file: string, change: (text: string) => string): Promise<void> {
    await writeFile(join(dir, file), change(await readFile(join(dir, file), 'utf8')));
  }
  const evaluate = (holdings: string, prices = PRICES, asOf = '2001-01-02') =>
    cli('evaluate', 'policies/dee-bot.yaml', '--holdings', holdings, '--prices', prices, '--as-of', asOf);
  function expectClean(result: { err: string }) {
    expect(result.err).not.toMatch(/\n\s+at |TypeError|RangeError|ReferenceError/);
  }

  it('should refuse a holdings quantity of 1e400 at its row and record nothing, so history and show keep working', async () => {
    await writeFile(join(dir, 'h.csv'), 'symbol,quantity,average_cost,opened_date\nCASH,1000,,\nGE,1e400,40,2000-06-01\n');
    const result = await evaluate('h.csv');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/h\.csv:3 {2}quantity {2}"1e400" /);
    expectClean(result);
    await edit('examples/holdings/shorgan-bot.csv', (t) => t.replace(/\nMO,\d+,/, '\nMO,1e400,'));
    const run = await cli('run');
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/examples\/holdings\/shorgan-bot\.csv:\d+ {2}quantity {2}"1e400"/);
    expect(await runIds()).toEqual(['dee-bot', 'dow-index', 'multi-factor']);
    expect((await cli('show', 'run-000001')).code).toBe(0);
  });

  it('should skip only the bot whose holdings have cash in fractions of a cent, naming the row', async () => {
    await edit('examples/holdings/dee-bot.csv', (t) => t.replace(/\nCASH,8000,/, '\nCASH,8000.123,'));
    const run = await cli('run');
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/examples\/holdings\/dee-bot\.csv:\d+ {2}quantity {2}cash "8000\.123" .*whole cents/);
    expectClean(run);
    expect(await runIds()).toEqual(['dow-index', 'multi-factor', 'shorgan-bot']);
  });

  it('should report a YAML alias bomb at its line and column, and run the other policies', async () => {
    const bomb = ['version: 1', 'id: bomb', 'account: x', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]},*${'abcdefghi'[i]}]`)].join('\n');
    await writeFile(join(dir, 'policies', 'bomb.yaml'), `${bomb}\n`);
    const check = await cli('check', 'policies/bomb.yaml');
    expect(check.code).toBe(1);
    expect(check.out).toMatch(/policies\/bomb\.yaml:\d+:\d+ .*alias/);
    expectClean(check);
    const run = await cli('run');
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/policies\/bomb\.yaml/);
    expect(await runIds()).toEqual(['dee-bot', 'dow-index', 'multi-factor', 'shorgan-bot']);
  });

  it('should refuse hex numbers and impossible dates in holdings and prices at their rows', async () => {
    await writeFile(join(dir, 'h.csv'), 'symbol,quantity,average_cost,opened_date\nCASH,1000,,\nGE,0x2B,40,2000-06-01\nKO,10,50,2001-02-30\n');
    const holdings = await evaluate('h.csv');
    expect(holdings.code).toBe(1);
    expect(holdings.err).toMatch(/h\.csv:3 {2}quantity {2}"0x2B" /);
    expect(holdings.err).toMatch(/h\.csv:4 {2}opened_date {2}"2001-02-30" is not a calendar date/);
    await writeFile(join(dir, 'p.csv'), 'date,GE,KO\n2001-01-02,0x2B,50\n2001-02-30,40,50\n');
    await writeFile(join(dir, 'ok.csv'), 'symbol,quantity,average_cost,opened_date\nCASH,1000,,\nGE,10,40,2000-06-01\n');
    const prices = await evaluate('ok.csv', 'p.csv');
    expect(prices.code).toBe(1);
    expect(prices.err).toMatch(/p\.csv:2 {2}GE {2}price "0x2B" /);
    expect(prices.err).toMatch(/p\.csv:3 {2}date {2}"2001-02-30" is not a calendar date/);
    const asOf = await evaluate('ok.csv', PRICES, '2001-02-30');
    expect(asOf.code).toBe(2);
    expectClean(asOf);
  });

  it('should refuse a position opened after the as-of date, and an empty holdings file', async () => {
    await writeFile(join(dir, 'h.csv'), 'symbol,quantity,average_cost,opened_date\nCASH,1000,,\nGE,100,52,2001-06-01\n');
    const later = await evaluate('h.csv');
    expect(later.code).toBe(1);
    expect(later.err).toMatch(/h\.csv:3 {2}opened_date {2}2001-06-01 is after the as-of date 2001-01-02/);
    await writeFile(join(dir, 'empty.csv'), '');
    const empty = await evaluate('empty.csv');
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/empty\.csv {2}.*no rows/);
    expect(await runIds()).toEqual([]);
  });

  it('should refuse prices older than max_price_age_days at the row of the newest close', async () => {
    const text = await readFile(join(dir, PRICES), 'utf8');
    const lines = text.trimEnd().split('\n');
    const last = lines.findIndex((l) => l.startsWith('2000-06-30'));
    await writeFile(join(dir, 'old.csv'), `${lines.slice(0, last + 1).join('\n')}\n`);
    await writeFile(join(dir, 'ok.csv'), 'symbol,quantity,average_cost,opened_date\nCASH,1000,,\nGE,10,40,2000-06-01\n');
    await edit('policies/dee-bot.yaml', (t) => t.replace(/^max_price_age_days: .*\n/m, '')); // the default, 5 days
    const stale = await evaluate('ok.csv', 'old.csv');
    expect(stale.code).toBe(1);
    expect(stale.err).toMatch(new RegExp(`old\\.csv:${last + 1} {2}.*newest close is 2000-06-30, 186 days before the run's date 2001-01-02.*max_price_age_days.*5`));
    expect(await runIds()).toEqual([]);
  });

  it('should refuse two policy files with the same id in check and in run, and run the others', async () => {
    await copyFile(join(dir, 'policies', 'dee-bot.yaml'), join(dir, 'policies', 'dee-bot-copy.yaml'));
    const check = await cli('check');
    expect(check.code).toBe(1);
    expect(check.out).toMatch(/policies\/dee-bot-copy\.yaml:\d+:\d+ {2}id {2}policy id `dee-bot` is also the id of policies\/dee-bot\.yaml/);
    expect(check.out).toMatch(/policies\/dee-bot\.yaml:\d+:\d+ {2}id {2}policy id `dee-bot` is also the id of policies\/dee-bot-copy\.yaml/);
    const run = await cli('run');
    expect(run.code).toBe(1);
    expect(await runIds()).toEqual(['dow-index', 'multi-factor', 'shorgan-bot']);
  });

  it('should refuse a rebalance symbol the prices lack at its line in evaluate and run, and run the others', async () => {
    await edit('policies/dow-index.yaml', (t) => t.replace(/equal: \[AA, /, 'equal: [AAA, '));
    const result = await cli('evaluate', 'policies/dow-index.yaml', '--holdings', 'examples/holdings/dow-index.csv', '--prices', PRICES, '--as-of', '2001-01-02');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/policies\/dow-index\.yaml:\d+:\d+ {2}rebalance\.equal\[0\] {2}unknown symbol `AAA`.*did you mean `AA`\?/);
    expectClean(result);
    const run = await cli('run');
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/policies\/dow-index\.yaml:\d+:\d+ {2}rebalance\.equal\[0\] {2}unknown symbol `AAA`/);
    expect(await runIds()).toEqual(['dee-bot', 'multi-factor', 'shorgan-bot']);
  });
});
