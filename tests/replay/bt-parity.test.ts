import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { replayPolicy } from '../../src/replay/replay-policy.js';
import type { ReplayResult } from '../../src/replay/replay-result.js';
import { dow30, policyFile, ROOT } from './replay-fixtures.js';

/** bt 1.2.0's output for the same task on the bundled Dow 30 (see the reference files' header in BT-PARITY notes). */
async function reference(name: string): Promise<({ date: string } & Record<string, string>)[]> {
  return parse(await readFile(join(ROOT, 'tests/fixtures/reference', name), 'utf8'), { columns: true }) as ({ date: string } & Record<string, string>)[];
}

describe('bt parity: examples/policies/bt-parity.yaml on the bundled Dow 30', () => {
  let result: ReplayResult;
  beforeAll(async () => {
    result = await replayPolicy(await policyFile('examples/policies/bt-parity.yaml'), await dow30());
  });

  it('should give bt\'s equity on every date within 1e-9 relative', async () => {
    const bt = await reference('bt-dow30-monthly-rel25.equity.csv');
    expect(result.dates).toEqual(bt.map((row) => row.date));
    let worst = 0;
    bt.forEach((row, i) => {
      const expected = Number(row.equity);
      worst = Math.max(worst, Math.abs(result.equity[i]! - expected) / expected);
    });
    expect(worst).toBeLessThanOrEqual(1e-9);
    expect(result.equity.at(-1)).toBeCloseTo(7_791_247.466634796, 6);
  });

  it('should trade on the same 43 dates as bt, every symbol on each, at that day\'s close', async () => {
    const bt = await reference('bt-dow30-monthly-rel25.trades.csv');
    const dates = (rows: readonly { date: string }[]) => [...new Set(rows.map((r) => r.date))];
    expect(dates(result.fills)).toEqual(dates(bt));
    expect(dates(bt)).toHaveLength(43);
    expect(result.fills).toHaveLength(bt.length);
    expect(result.fills.every((f) => f.decidedOn === f.date && f.commission === 0)).toBe(true);
  });
});
