import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { Store } from '../../src/store/store.js';
import { exampleWorkspace } from '../support/example-workspace.js';
import { testIo } from '../support/test-io.js';

const DAY_1 = new Date('2026-11-23T21:30:00Z');
const DAY_1_LATER = new Date('2026-11-23T22:00:00Z');
const DAY_2 = new Date('2026-11-24T21:30:00Z');

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('the paper account’s equity history', () => {
  it('should record equity at every run and after every execution, so the next run starts where executions left it', async () => {
    const { dir, remove } = await exampleWorkspace('equity');
    cleanups.push(remove);
    expect(await main(['run'], testIo(dir, DAY_1))).toBe(0);
    expect(await main(['approve', '--all', '--policy', 'dee-bot'], testIo(dir, DAY_1_LATER))).toBe(0);
    expect(await main(['run'], testIo(dir, DAY_2))).toBe(0);

    const store = await Store.open(join(dir, '.ballast'));
    cleanups.push(() => store.close());
    const history = await store.equityHistory('paper-dee');
    const runs = await store.runSummaries({ policyId: 'dee-bot' });
    const firstRun = (await store.getRun(runs[0]!.id))!;
    const fills = store.account('paper-dee')!.trades;
    // run 1, one point per executed proposal (GE, HON, CAT, each at its own price and cost), run 2
    expect(history.map((p) => p.source.kind)).toEqual(['run', 'execution', 'execution', 'execution', 'run']);
    expect(history[0]).toEqual({ at: DAY_1.toISOString(), equity: firstRun.inputs.equity, cash: firstRun.inputs.cash, source: { kind: 'run', runId: firstRun.id } });
    expect(history[1]!.at).toBe(DAY_1_LATER.toISOString());
    // at the same marks, each execution lowers equity by exactly what it cost: commission plus slippage
    expect(fills).toHaveLength(3);
    for (let i = 1; i <= 3; i++) {
      const costs = fills[i - 1]!.commission + fills[i - 1]!.slippageCost;
      expect(history[i]!.equity).toBeCloseTo(history[i - 1]!.equity - costs, 6);
    }
    expect(history[3]!.equity).toBeLessThan(history[0]!.equity);
    // the next run values the account the executions left, at the same prices
    expect(history[4]!.equity).toBeCloseTo(history[3]!.equity, 6);
    expect(history[4]!.cash).toBeCloseTo(history[3]!.cash, 6);
  });

  it('should not record the account’s equity for a run on holdings from a file', async () => {
    const { dir, remove } = await exampleWorkspace('equity-file');
    cleanups.push(remove);
    const args = ['evaluate', 'policies/dee-bot.yaml', '--holdings', 'examples/holdings/dee-bot.csv', '--prices', 'examples/prices/dow30-daily-1991-2000.csv', '--as-of', '2001-01-02'];
    expect(await main(args, testIo(dir, DAY_1))).toBe(0);
    const store = await Store.open(join(dir, '.ballast'));
    cleanups.push(() => store.close());
    expect(await store.runSummaries()).toHaveLength(1);
    expect(await store.equityHistory('paper-dee')).toEqual([]);
  });
});
