import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Proposal } from '../../src/engine/proposal.js';
import type { RunRecord } from '../../src/store/run-record.js';
import { Store } from '../../src/store/store.js';
import { exampleWorkspace } from '../support/example-workspace.js';
import { recordedRuns } from '../support/recorded-runs.js';
import { testIo } from '../support/test-io.js';

type Db = { strategies: Record<string, { asOf: string; sleeves: Record<string, { lastRebalance: string; signal: Record<string, number> }> }> };

describe('strategies in live runs (policies/multi-factor.yaml)', () => {
  let dir: string;
  let remove: () => Promise<void>;
  const db = async (): Promise<Db> => JSON.parse(await readFile(join(dir, '.ballast', 'ballast.json'), 'utf8')) as Db;
  const multi = async (): Promise<RunRecord[]> => {
    const store = await Store.open(join(dir, '.ballast'));
    return recordedRuns(store, { policyId: 'multi-factor' });
  };

  beforeEach(async () => {
    ({ dir, remove } = await exampleWorkspace('strategies'));
  });
  afterEach(async () => {
    await remove();
  });

  it('should sell what no strategy holds first, then enter new names within the cash, naming the strategies behind each', async () => {
    expect(await main(['run'], testIo(dir))).toBe(0);
    const [run] = await multi();
    const proposals: readonly Proposal[] = run!.proposals;
    const firstBuy = proposals.findIndex((p) => p.side === 'buy');
    expect(proposals.slice(0, firstBuy).every((p) => p.side === 'sell')).toBe(true);
    expect(proposals.find((p) => p.symbol === 'KO')).toMatchObject({ kind: 'rebalance', action: 'exit', ruleId: 'strategies' });
    expect(proposals.find((p) => p.symbol === 'KO')!.reason).toMatch(/no strategy holds KO/);
    const entries = proposals.filter((p) => p.kind === 'entry');
    expect(entries.length).toBeGreaterThan(5);
    for (const entry of entries) {
      expect(entry).toMatchObject({ side: 'buy', ruleId: 'strategies', weightBeforePct: 0 });
      expect(entry.strategies!.length).toBeGreaterThan(0);
      expect(entry.reason).toMatch(/target [\d.]+% = /);
    }
    const buys = proposals.filter((p) => p.side === 'buy').reduce((s, p) => s + p.notional, 0);
    const sells = proposals.filter((p) => p.side === 'sell').reduce((s, p) => s + p.notional, 0);
    expect(buys).toBeLessThanOrEqual(run!.inputs.cash + sells);
    expect(run!.strategies!.strategies.map((d) => [d.strategyId, d.action, d.why])).toEqual([
      ['low_vol', 'rebalanced', 'first run'],
      ['durbin_watson', 'rebalanced', 'first run'],
      ['kurtosis', 'rebalanced', 'first run'],
    ]);
  });

  it('should hold the weekly and biweekly strategies the next session, from the stored signals, and say when they rebalance', async () => {
    expect(await main(['run', '--as-of', '2000-12-28'], testIo(dir))).toBe(0);
    const stored = (await db()).strategies['multi-factor']!;
    expect(stored.asOf).toBe('2000-12-28');
    const next = testIo(dir);
    expect(await main(['run', '--as-of', '2000-12-29'], next)).toBe(0);
    const [, second] = await multi();
    expect(second!.strategies!.strategies.map((d) => [d.strategyId, d.action, d.sessionsToNext])).toEqual([
      ['low_vol', 'rebalanced', 1],
      ['durbin_watson', 'held', 1], // Monday 2001-01-01 is a holiday: the next session, Tuesday
      ['kurtosis', 'held', 5], // Mondays of even ISO weeks: 2001-01-08 (week 2), five sessions on
    ]);
    expect(second!.strategies!.strategies[1]!.weights).toEqual(stored.sleeves.durbin_watson!.signal);
    expect(next.out()).toMatch(/durbin_watson +weekly on monday +held .*1 session to its next rebalance/);
  });

  it('should show each strategy\'s allocation, last and next rebalance and sleeve P&L with `ballast strategies`', async () => {
    await main(['run'], testIo(dir));
    const io = testIo(dir);
    expect(await main(['strategies'], io)).toBe(0);
    expect(io.out()).toMatch(/MULTI-FACTOR .* as of 2001-01-02/);
    expect(io.out()).toMatch(/low_vol +daily +33\.3% +2001-01-02 +in 1 session +[\d,.]+ +−?[\d,.]+/);
    expect(io.out()).toMatch(/durbin_watson +weekly on monday +33\.3% +2001-01-02 +in 4 sessions/);
    const json = testIo(dir);
    expect(await main(['strategies', '--json'], json)).toBe(0);
    expect(JSON.parse(json.out()).policies[0]).toMatchObject({ policyId: 'multi-factor', record: { allocation: { method: 'erc' } } });
    const none = testIo(dir);
    expect(await main(['strategies', '--policy', 'dee-bot'], none)).toBe(1);
    expect(none.err()).toMatch(/no strategies recorded for dee-bot/);
  });

  it('should trade a research file\'s weights as given and clip a net short, saying so', async () => {
    await mkdir(join(dir, 'signals'));
    await writeFile(join(dir, 'signals', 'research.csv'), 'date,symbol,weight\n2000-12-29,KO,0.5\n2000-12-29,GE,-0.3\n2000-12-29,IBM,0.2\n');
    await writeFile(join(dir, 'examples', 'holdings', 'research.csv'), 'symbol,quantity,average_cost,opened_date\nCASH,100000,,\n');
    await writeFile(
      join(dir, 'policies', 'research.yaml'),
      ['version: 1', 'id: research', 'account: paper-research', 'calendar: XNYS', 'strategies:', '  - id: research', '    rebalance: weekly on monday', '    signal: { file: ../signals/research.csv, max_age_days: 7 }', '    allocation_pct: 100', 'allocation: { method: fixed, max_pct: 100 }', ''].join('\n'),
    );
    const io = testIo(dir);
    expect(await main(['run', '--json'], io)).toBe(0);
    const run = JSON.parse(io.out()).runs.find((r: { policyId: string }) => r.policyId === 'research');
    expect(run.proposals.map((p: Proposal) => [p.symbol, p.kind, p.side])).toEqual([
      ['KO', 'entry', 'buy'],
      ['IBM', 'entry', 'buy'],
    ]);
    expect(run.proposals[0].reason).toMatch(/target 50% = research 50%$/); // the whole capital in the sleeve, half of it in KO
    expect(run.strategies.combination.clippedShort).toMatchObject([{ symbol: 'GE' }]);
    expect(run.strategies.strategies[0]).toMatchObject({ action: 'rebalanced', signalDate: '2000-12-29', weights: { KO: 0.5, GE: -0.3, IBM: 0.2 } });
    const text = testIo(dir);
    await main(['run'], text);
    expect(text.out()).toMatch(/note: GE: net target −\d+\.\d% is short; a long-only account clips it to 0/);
  });

  it('should refuse a stale signal file, naming the file, the line of its last date and the date', async () => {
    await mkdir(join(dir, 'signals'));
    await writeFile(join(dir, 'signals', 'research.csv'), 'date,symbol,weight\n2000-12-01,KO,0.5\n2000-12-15,KO,0.3\n2000-12-15,GE,0.2\n');
    const policy = (await readFile(join(dir, 'policies', 'multi-factor.yaml'), 'utf8')).replace(
      '  - id: kurtosis\n',
      '  - id: research\n    rebalance: weekly on monday\n    signal: { file: ../signals/research.csv, max_age_days: 7 }\n  - id: kurtosis\n',
    );
    await writeFile(join(dir, 'policies', 'multi-factor.yaml'), policy);
    const io = testIo(dir);
    expect(await main(['run'], io)).toBe(1);
    expect(io.err()).toMatch(/skipped policies\/multi-factor\.yaml:\nsignals\/research\.csv:3  date  the latest signal, dated 2000-12-15, is 18 days old on 2001-01-02, older than max_age_days 7 of strategy research/);
    expect(io.out()).toMatch(/3 runs recorded/); // the other bots still run
  });
});
