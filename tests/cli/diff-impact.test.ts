import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseHoldings } from '../../src/market/parse-holdings.js';
import { validatePolicy } from '../../src/policy/validate-policy.js';
import type { Policy } from '../../src/policy/policy.js';
import { rebaseHoldings } from '../../src/policy-diff/rebase-holdings.js';
import { replayMetrics } from '../../src/replay/metrics/index.js';
import { replayPolicy } from '../../src/replay/replay-policy.js';
import type { ReplayResult } from '../../src/replay/replay-result.js';
import { loadPricePanel } from '../../src/workspace/load-price-panel.js';
import { policyRepo, type PolicyRepo } from '../support/policy-repo.js';
import { testIo } from '../support/test-io.js';

const FROM = '1999-10-01';

describe('ballast diff: impact', () => {
  let repo: PolicyRepo;
  beforeAll(async () => {
    repo = await policyRepo();
    await repo.edit('policies/dee-bot.yaml', (t) => t.replace('gain_pct: 20 ', 'gain_pct: 30 '));
  });
  afterAll(async () => repo.remove());

  async function policyAt(text: string): Promise<Policy> {
    const result = validatePolicy({ file: 'dee-bot.yaml', text });
    if (!result.ok) throw new Error('invalid');
    return result.policy;
  }

  it('should list exactly the proposals that take-profit 20 → 30 changes on dee-bot, as two replays of the bundled data differ', async () => {
    const io = testIo(repo.dir);
    expect(await main(['diff', '--json', '--from', FROM], io)).toBe(2);
    const report = JSON.parse(io.out()).impact;
    expect(report).toMatchObject({ pricesFile: 'examples/prices/dow30-daily-1991-2000.csv', from: FROM, to: '2001-01-02' });
    const [entry] = report.policies;
    expect(entry).toMatchObject({ policyId: 'dee-bot', start: 'examples/holdings/dee-bot.csv bought at the first close', fill: 'next-close' });

    const prices = await loadPricePanel(join(repo.dir, 'examples/prices/dow30-daily-1991-2000.csv'), repo.dir);
    const csv = await readFile(join(repo.dir, 'examples/holdings/dee-bot.csv'), 'utf8');
    const holdings = rebaseHoldings(parseHoldings('dee-bot.csv', csv).holdings, prices, FROM);
    const before = await policyAt(repo.git('show', 'HEAD:policies/dee-bot.yaml'));
    const after = await policyAt(await readFile(join(repo.dir, 'policies/dee-bot.yaml'), 'utf8'));
    expect([before.exits.take_profit.gain_pct, after.exits.take_profit.gain_pct]).toEqual([20, 30]);
    const replayed = await Promise.all([before, after].map((policy) => replayPolicy(policy, prices, { from: FROM, to: '2001-01-02', holdings })));
    const proposals = (result: ReplayResult): string[] => result.runs.flatMap((run) => run.proposals.map((p) => `${run.date} ${p.symbol} ${p.action} ${p.quantity} ${p.ruleId}`));
    const [was, now] = replayed.map(proposals) as [string[], string[]];
    expect(new Set(was).size).toBe(was.length);
    expect(new Set(now).size).toBe(now.length);
    const onlyBefore = was.filter((p) => !now.includes(p));
    const onlyAfter = now.filter((p) => !was.includes(p));
    expect(onlyBefore.length + onlyAfter.length).toBeGreaterThan(0);

    const shown = (list: { date: string; symbol: string; action: string; quantity: number; rule: string }[]): string[] => list.map((p) => `${p.date} ${p.symbol} ${p.action} ${p.quantity} ${p.rule}`);
    expect(shown(entry.impact.onlyBefore).sort()).toEqual(onlyBefore.sort());
    expect(shown(entry.impact.onlyAfter).sort()).toEqual(onlyAfter.sort());
    const [m0, m1] = replayed.map((r) => replayMetrics(r));
    expect(entry.impact.before).toEqual({ cagrPct: m0!.policy.cagrPct, maxDrawdownPct: m0!.policy.maxDrawdown.pct, sharpe: m0!.policy.sharpe, turnoverPct: m0!.trading.turnover.annualizedPct, trades: m0!.trading.trades });
    expect(entry.impact.after.trades).toBe(m1!.trading.trades);
  });

  it('should print the differing proposals and the metric deltas as text and Markdown', async () => {
    const io = testIo(repo.dir);
    expect(await main(['diff', '--from', FROM], io)).toBe(2);
    expect(io.out()).toMatch(/^impact: both revisions replayed 1999-10-01 … 2001-01-02 on examples\/prices\/dow30-daily-1991-2000\.csv$/m);
    expect(io.out()).toMatch(/^dee-bot  from examples\/holdings\/dee-bot\.csv bought at the first close, fills next-close$/m);
    expect(io.out()).toMatch(/^ {2}\d+ sessions · proposals that differ: \d+ only before, \d+ only after$/m);
    expect(io.out()).toMatch(/^ {2}(before|after) {2}\d{4}-\d{2}-\d{2} {2}[A-Z]+ +(trim|exit) +\d+ {2}(take_profit|stale)/m);
    for (const metric of ['CAGR', 'max drawdown', 'Sharpe', 'turnover / year', 'trades']) expect(io.out()).toMatch(new RegExp(`^ {2}${metric} +\\S+ → \\S+ {2}\\(`, 'm'));
    const md = testIo(repo.dir);
    expect(await main(['diff', '--from', FROM, '--markdown'], md)).toBe(2);
    expect(md.out()).toContain('| metric | before | after | change |');
    expect(md.out()).toMatch(/^\| (before|after) \| \d{4}-\d{2}-\d{2} \| [A-Z]+ \| (trim|exit) \| \d+ \| \w+ \|$/m);
  });

  it('should skip the replays with --no-impact, and exit 1 when a replay cannot run', async () => {
    const io = testIo(repo.dir);
    expect(await main(['diff', '--json', '--no-impact'], io)).toBe(2);
    expect(JSON.parse(io.out()).impact).toBeNull();
    const bad = testIo(repo.dir);
    expect(await main(['diff', '--from', '2000-06-01', '--to', '2000-03-01'], bad)).toBe(1);
    expect(bad.out()).toMatch(/could not replay: --from 2000-06-01 is after --to 2000-03-01/);
  });
});
