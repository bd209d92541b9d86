import { access, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { exampleWorkspace } from '../support/example-workspace.js';
import { testIo } from '../support/test-io.js';

const ROOT = join(import.meta.dirname, '../..');
const args = (asOf: string, policy = 'policies/dow-index.yaml') => [
  'plan', policy, '--holdings', 'examples/holdings/dow-index.csv', '--prices', 'examples/prices/dow30-daily-1991-2000.csv', '--as-of', asOf,
];

describe('ballast plan', () => {
  it('should exit 0 when nothing would trade (2000-03-01: every weight inside its 5/25 band)', async () => {
    const io = testIo(ROOT);
    expect(await main(args('2000-03-01'), io)).toBe(0);
    expect(io.out()).toMatch(/no proposals/);
  });

  it('should exit 2 when trades are proposed (2001-01-02: BA at 16.2%, MSFT at 3.8%)', async () => {
    const io = testIo(ROOT);
    expect(await main(args('2001-01-02'), io)).toBe(2);
    expect(io.out()).toMatch(/rebalance +trim +BA +sell 96/);
    expect(io.out()).toMatch(/rebalance +buy +MSFT +buy 137/);
    expect(io.out()).toMatch(/preview only: not recorded/);
    const json = testIo(ROOT);
    expect(await main([...args('2001-01-02'), '--json'], json)).toBe(2);
    expect(JSON.parse(json.out())).toMatchObject({ runId: null, metrics: { tradeCount: 3 }, rebalance: { targetsPct: { BA: 10 } } });
  });

  it('should exit 1 on an invalid policy and on a usage error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ballast-plan-'));
    await writeFile(join(dir, 'bad.yaml'), 'version: 1\nid: bad\naccount: x\nrebalance:\n  equal: [KO]\n  to: somewhere\n');
    const io = testIo(ROOT);
    expect(await main(args('2001-01-02', join(dir, 'bad.yaml')), io)).toBe(1);
    expect(io.err()).toMatch(/bad\.yaml:6:7  rebalance\.to  `to` cannot be "somewhere"; use one of `target`, `band_edge`/);
    expect(await main(['plan', 'policies/dow-index.yaml', '--as-of', '30/06/2000'], testIo(ROOT))).toBe(1);
    await rm(dir, { recursive: true, force: true });
  });
});

describe('ballast plan without files (the real next run)', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, remove } = await exampleWorkspace('plan'));
  });
  afterEach(async () => {
    await remove();
  });

  type Proposed = { symbol: string; side: string; quantity: number; ruleId: string };
  const trade = (p: Proposed) => `${p.symbol} ${p.side} ${p.quantity} ${p.ruleId}`;
  const proposals = (out: string) => JSON.parse(out).proposals.map(trade);

  it('should propose exactly what `ballast run` proposes after an approval has changed the paper account', async () => {
    const first = testIo(dir);
    expect(await main(['run', '--json'], first)).toBe(0);
    const ge = JSON.parse(first.out()).runs[0].proposals.find((p: { symbol: string }) => p.symbol === 'GE').id;
    expect(await main(['approve', ge], testIo(dir))).toBe(0);
    const plan = testIo(dir);
    expect(await main(['plan', 'policies/dee-bot.yaml', '--json'], plan)).toBe(2);
    const run = testIo(dir);
    expect(await main(['run', '--json'], run)).toBe(0);
    const dee = JSON.parse(run.out()).runs[0];
    expect(proposals(plan.out())).toEqual(dee.proposals.map(trade));
    expect(proposals(plan.out()).join()).not.toMatch(/GE/);
    expect(JSON.parse(plan.out())).toMatchObject({ runId: null, asOf: '2001-01-02', dropped: dee.dropped });
  });

  it('should read the data folder given with --data-dir and write nothing', async () => {
    await main(['run', '--data-dir', 'elsewhere'], testIo(dir));
    const before = await readFile(join(dir, 'elsewhere', 'ballast.json'), 'utf8');
    const io = testIo(dir);
    expect(await main(['plan', 'policies/dow-index.yaml', '--data-dir', 'elsewhere'], io)).toBe(2);
    expect(io.out()).toMatch(/DOW-INDEX[\s\S]*preview only: not recorded/);
    expect(await readFile(join(dir, 'elsewhere', 'ballast.json'), 'utf8')).toBe(before);
    await expect(access(join(dir, '.ballast'))).rejects.toThrow();
  });
});

describe('ballast history and show', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ballast-history-'));
    await cp(join(ROOT, 'policies'), join(dir, 'policies'), { recursive: true });
    await cp(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
    await main(['run'], testIo(dir));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('should list runs with their metrics, filtered by bot', async () => {
    const io = testIo(dir);
    expect(await main(['history', '--bot', 'dow-index', '--json'], io)).toBe(0);
    const runs = JSON.parse(io.out());
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ policyId: 'dow-index', asOf: '2001-01-02', metrics: { tradeCount: 3 } });
    expect(runs[0].metrics.maxDriftBeforePp).toBeGreaterThan(runs[0].metrics.maxDriftAfterPp);
  });

  it('should show one run in full, with targets, live weights and reason tags', async () => {
    const listing = testIo(dir);
    await main(['history', '--bot', 'dow-index', '--json'], listing);
    const [{ id }] = JSON.parse(listing.out());
    const io = testIo(dir);
    expect(await main(['show', id, '--json'], io)).toBe(0);
    const run = JSON.parse(io.out());
    expect(run.rebalance.targetsPct).toMatchObject({ AA: 10, MSFT: 10 });
    expect(run.inputs.positions.find((p: { symbol: string }) => p.symbol === 'BA')).toMatchObject({ weight_pct: expect.any(Number), unrealized_pnl_pct: expect.any(Number) });
    expect(run.proposals.map((p: { tags: string[] }) => p.tags)).toEqual([['drift'], ['drift'], ['drift']]);
    expect(run.policySnapshot.rebalance.bands).toEqual({ absolute_pp: 5, relative_pct: 25 });
    const text = testIo(dir);
    expect(await main(['show', id], text)).toBe(0);
    expect(text.out()).toMatch(/max drift 6\.2 pp → /);
  });

  it('should say how to find a run that does not exist', async () => {
    const io = testIo(dir);
    expect(await main(['show', 'run-999999'], io)).toBe(1);
    expect(io.err()).toMatch(/ballast history/);
  });
});
