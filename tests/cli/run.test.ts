import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { exampleWorkspace } from '../support/example-workspace.js';
import { testIo } from '../support/test-io.js';

const ROOT = join(import.meta.dirname, '../..');

describe('ballast run (the main job)', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, remove } = await exampleWorkspace('run'));
  });
  afterEach(async () => {
    await remove();
  });

  it('should evaluate every bot on the bundled data, print its proposals and record each run', async () => {
    const io = testIo(dir);
    expect(await main(['run'], io)).toBe(0);
    expect(io.out()).toMatch(/prices as of 2001-01-02/);
    expect(io.out()).toMatch(/DEE-BOT \(defensive\)[\s\S]*cut_loss +exit +GE/);
    expect(io.out()).toMatch(/SHORGAN-BOT \(aggressive\)[\s\S]*take_profit +exit +MO/);
    const db = JSON.parse(await readFile(join(dir, '.ballast', 'ballast.json'), 'utf8'));
    const runs = (await readFile(join(dir, '.ballast', 'archive', 'runs-2001-01.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(runs.map((r: { policy: { policyId: string } }) => r.policy.policyId)).toEqual(['dee-bot', 'dow-index', 'multi-factor', 'shorgan-bot']);
    expect(runs[0]).toMatchObject({ initiator: 'main-job', asOf: '2001-01-02', policy: { file: 'policies/dee-bot.yaml' } });
    expect(runs[0].policy.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(db.accounts['paper-dee'].openedAt).toBe(runs[0].evaluatedAt); // one clock: opened when the run evaluates
  });

  it('should propose the same exits when run twice on the same day (recorded exits are not charged twice)', async () => {
    const first = testIo(dir);
    await main(['run', '--json'], first);
    const second = testIo(dir);
    await main(['run', '--json'], second);
    type Proposed = { id: string; ruleId: string; symbol: string; side: string; quantity: number };
    const trades = (out: string) => JSON.parse(out).runs.map((r: { proposals: Proposed[] }) => r.proposals.map((p) => `${p.ruleId} ${p.side} ${p.quantity} ${p.symbol}`));
    expect(trades(second.out())).toEqual(trades(first.out()));
    expect(JSON.parse(second.out()).runs[0].proposals.map((p: Proposed) => p.id)).toEqual(['p-000005-1', 'p-000005-2', 'p-000005-3']);
    expect(JSON.parse(second.out()).runs.map((r: { runId: string }) => r.runId)).toEqual(['run-000005', 'run-000006', 'run-000007', 'run-000008']);
  });

  it('should keep running the other bots when one policy is invalid', async () => {
    await writeFile(join(dir, 'policies', 'broken.yaml'), 'version: 1\nid: broken\naccount: x\nexits:\n  stale:\n    days: 3\n');
    const io = testIo(dir);
    expect(await main(['run'], io)).toBe(1);
    expect(io.err()).toMatch(/policies\/broken\.yaml:6:5  exits\.stale\.days  unknown key `days`; did you mean `days_held`\?/);
    expect(io.out()).toMatch(/4 runs recorded/);
  });
});

describe('ballast evaluate', () => {
  it('should print input problems with file and row and exit 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ballast-eval-'));
    await writeFile(join(dir, 'h.csv'), 'symbol,quantity,average_cost,opened_date\nKO,10,50,2000-06-01\nZZZ,1,1,2000-06-01\n');
    const io = testIo(dir);
    const code = await main(['evaluate', join(ROOT, 'policies/dee-bot.yaml'), '--holdings', 'h.csv', '--prices', join(ROOT, 'examples/prices/dow30-daily-1991-2000.csv'), '--as-of', '2000-06-30', '--no-record'], io);
    expect(code).toBe(1);
    expect(io.err()).toMatch(/^h\.csv:3  symbol  ZZZ is not a column of /m);
    await rm(dir, { recursive: true, force: true });
  });

  it('should exit 2 for a malformed --as-of date', async () => {
    const io = testIo(ROOT);
    expect(await main(['evaluate', 'policies/dee-bot.yaml', '--holdings', 'x', '--prices', 'y', '--as-of', '30/06/2000'], io)).toBe(2);
    expect(io.err()).toMatch(/write YYYY-MM-DD/);
  });
});
