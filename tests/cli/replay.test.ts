import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { exampleWorkspace } from '../support/example-workspace.js';
import { testIo } from '../support/test-io.js';

describe('ballast replay', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, remove } = await exampleWorkspace('replay'));
  });
  afterAll(async () => {
    await remove();
  });

  it('should replay policies/dow-index.yaml on the bundled prices, write equity, trades and weights, and print a summary', async () => {
    const io = testIo(dir);
    expect(await main(['replay', 'policies/dow-index.yaml'], io)).toBe(0);
    expect(io.out()).toMatch(/DOW-INDEX \(equal weight\) \(dow-index @ \S+\) · 1990-12-31 → 2001-01-02 · 2,529 sessions · fills at next-close/);
    expect(io.out()).toMatch(/benchmark: equal weight of the policy's 10 symbols/);
    const out = join(dir, '.ballast', 'replays', 'dow-index-20261121T120000Z');
    expect(io.out()).toContain('wrote .ballast/replays/dow-index-20261121T120000Z/');
    const equity = parse(await readFile(join(out, 'equity.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(equity).toHaveLength(2529);
    expect(equity[0]).toEqual({ date: '1990-12-31', equity: '100000', cash: '100000', drawdown: '0' });
    expect(Number(equity.at(-1)!.equity)).toBeGreaterThan(100_000);
    const trades = parse(await readFile(join(out, 'trades.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(Object.keys(trades[0]!)).toEqual(['date', 'symbol', 'side', 'quantity', 'price', 'notional', 'commission', 'rule', 'reason', 'decided_on']);
    expect(trades.every((t) => t.rule === 'rebalance' && t.date > t.decided_on!)).toBe(true);
    const weights = (await readFile(join(out, 'weights.csv'), 'utf8')).split('\n')[0];
    expect(weights).toBe('date,AA,BA,CAT,KO,GE,IBM,JNJ,MSFT,MMM,WMT');
  });

  it('should take a policy id, a window, same-close fills, --capital and --out, and answer --json', async () => {
    const io = testIo(dir);
    expect(await main(['replay', 'dow-index', '--from', '1995-01-03', '--to', '1995-12-29', '--fill', 'same-close', '--capital', '1000000', '--out', 'out', '--json', '--quiet'], io)).toBe(0);
    const [first] = JSON.parse(io.out());
    expect(first).toMatchObject({ policyId: 'dow-index', out: join(dir, 'out'), metrics: { firstSession: '1995-01-03', lastSession: '1995-12-29', fill: 'same-close', initialCapital: 1_000_000 } });
    const trades = parse(await readFile(join(dir, 'out', 'trades.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(trades[0]).toMatchObject({ date: '1995-01-03', decided_on: '1995-01-03', side: 'buy' });
  });

  it('should start from a holdings file, with buy and hold of it as the benchmark', async () => {
    const io = testIo(dir);
    expect(await main(['replay', 'policies/dow-index.yaml', '--holdings', 'examples/holdings/dow-index.csv', '--from', '2000-01-03', '--out', 'held', '--json'], io)).toBe(0);
    const [{ metrics }] = JSON.parse(io.out());
    expect(metrics.benchmark.label).toMatch(/buy and hold of the starting holdings \(10 positions\)/);
  });

  it.each([
    [['replay', 'no-such-policy'], /unknown policy no-such-policy: no such file and no policy with that id; give a policy file or id; the policies in policies\/ are dee-bot, dow-index, [a-z, -]*shorgan-bot/],
    [['replay', 'dow-indx'], /did you mean dow-index\?/],
    [['replay', 'dow-index', '--from', '1999-01-04', '--to', '1998-01-02'], /--from 1999-01-04 is after --to 1998-01-02/],
    [['replay', 'dow-index', '--to', '2005-01-03'], /--to 2005-01-03 is outside the prices: examples\/prices\/dow30-daily-1991-2000\.csv covers 1990-12-31 to 2001-01-02/],
    [['replay', 'dow-index', '--holdings', 'zzz.csv'], /ZZZ is held but examples\/prices\/dow30-daily-1991-2000\.csv has no price for it/],
    [['replay', 'dow-index', '--capital', 'lots'], /--capital lots is not an amount/],
  ])('should refuse bad input with a clear message and exit 1: %s', async (argv, message) => {
    await writeFile(join(dir, 'zzz.csv'), 'symbol,quantity,average_cost,opened_date\nKO,10,40,1990-06-01\nZZZ,5,10,1990-06-01\n');
    const io = testIo(dir);
    expect(await main(argv, io)).toBe(1);
    expect(io.err()).toMatch(message);
    expect(io.err()).not.toMatch(/\n\s+at /);
  });
});
