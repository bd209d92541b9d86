import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { exampleWorkspace } from '../support/example-workspace.js';
import { testIo } from '../support/test-io.js';

type Row = Record<string, string>;

describe('ballast replay of policies/multi-factor.yaml over the Dow 30 (1991–2000)', () => {
  let dir: string;
  let remove: () => Promise<void>;
  let out: string;
  const csv = async (name: string): Promise<Row[]> => parse(await readFile(join(dir, 'out', name), 'utf8'), { columns: true }) as Row[];

  beforeAll(async () => {
    ({ dir, remove } = await exampleWorkspace('strategies-replay'));
    const io = testIo(dir);
    expect(await main(['replay', 'multi-factor', '--out', 'out', '--quiet'], io)).toBe(0);
    out = io.out();
  }, 180_000);
  afterAll(async () => {
    await remove();
  });

  it("should print note 000's side-by-side comparison, the account and a Sharpe-weighted combination", () => {
    for (const [id, period] of [['low_vol', 'daily'], ['durbin_watson', 'weekly on monday'], ['kurtosis', 'biweekly on monday']]) {
      expect(out).toMatch(new RegExp(`│ ${id} +│ ${period} +│ +[\\d,]+ │ +[\\d.]+% │ +−?[\\d.]+% │ +[\\d.]+% │ +[\\d.]+% │ +−?[\\d.]+ │ +−[\\d.]+% │`));
    }
    expect(out).toMatch(/│ combined: the account +│/);
    expect(out).toMatch(/│ Sharpe-weighted \([\d.]+% \/ [\d.]+% \/ [\d.]+%\) +│ daily/);
    expect(out).toMatch(/netting +sleeve orders [\d,.]+ USD gross → [\d,.]+ net: [\d,.]+ saved \([\d.]+%\)/);
    expect(out).toMatch(/wrote out\/ \(equity\.csv, trades\.csv, weights\.csv, sleeves\.csv, allocations\.csv, accounting\.csv, metrics\.json, report\.html\)/);
  });

  it('should write sleeves and allocations that, with the accounting terms, add up to the account at every session', async () => {
    const equity = await csv('equity.csv');
    const sleeves = await csv('sleeves.csv');
    const allocations = await csv('allocations.csv');
    const accounting = await csv('accounting.csv');
    expect(accounting).toHaveLength(equity.length);
    expect(sleeves).toHaveLength(equity.length * 3);
    expect(allocations).toHaveLength(equity.length * 3);
    let worst = 0;
    accounting.forEach((a, i) => {
      const day = sleeves.slice(i * 3, i * 3 + 3);
      const sum = day.reduce((s, r) => s + Number(r.equity), 0);
      const capital = sum + Number(a.unallocated);
      expect(a.date).toBe(equity[i]!.date);
      expect(day.map((r) => r.date)).toEqual([a.date, a.date, a.date]);
      expect(Math.abs(sum - Number(a.sleeves))).toBeLessThan(1e-6);
      allocations.slice(i * 3, i * 3 + 3).forEach((r, k) => expect(Number(r.share_pct)).toBeCloseTo((Number(day[k]!.equity) / capital) * 100, 9));
      const explained = sum + Number(a.unallocated) + Number(a.sleeve_costs) - Number(a.account_costs) + Number(a.tracking);
      worst = Math.max(worst, Math.abs(Number(equity[i]!.equity) - explained));
    });
    expect(worst).toBeLessThan(0.01);
    // The terms are not trivially zero: the sleeves and the account trade, and their positions differ.
    const last = accounting.at(-1)!;
    expect(Number(last.sleeve_costs)).toBeGreaterThan(1000);
    expect(Number(last.account_costs)).toBeGreaterThan(1000);
    expect(Math.abs(Number(last.tracking))).toBeGreaterThan(100);
  });

  it('should re-allocate by ERC every 21 sessions within the 40% cap, and rebalance each strategy on its period', async () => {
    const allocations = await csv('allocations.csv');
    const byStrategy = (id: string): number[] => allocations.filter((r) => r.strategy === id).map((r) => Number(r.allocation_pct));
    const lowVol = byStrategy('low_vol');
    const changes = lowVol.filter((a, i) => i > 0 && a !== lowVol[i - 1]).length;
    expect(changes).toBeGreaterThan(5);
    expect(changes).toBeLessThanOrEqual(Math.ceil(lowVol.length / 21));
    for (const id of ['low_vol', 'durbin_watson', 'kurtosis']) expect(Math.max(...byStrategy(id))).toBeLessThanOrEqual(40 + 1e-9);
    const runs = /in [\d,]+ of ([\d,]+) runs/.exec(out)![1]!;
    expect(out).toMatch(new RegExp(`│ low_vol +│ daily +│ +${runs} │`)); // the daily strategy rebalances at every run
  });
});
