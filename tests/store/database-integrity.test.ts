import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { Store } from '../../src/store/store.js';
import { exampleWorkspace } from '../support/example-workspace.js';
import { testIo } from '../support/test-io.js';

/** `.ballast/ballast.json` as `ballast run` wrote it before the archive (version 1): three runs, eight proposals. */
const V1_FIXTURE = join(import.meta.dirname, '../fixtures/database/ballast-v1.json');

describe('the database file: damaged, foreign, newer or older', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, remove } = await exampleWorkspace('integrity'));
    await mkdir(join(dir, '.ballast'));
  });
  afterEach(async () => {
    await chmod(join(dir, '.ballast', 'ballast.json'), 0o644).catch(() => undefined);
    await remove();
  });

  const file = () => join(dir, '.ballast', 'ballast.json');
  const db = async () => JSON.parse(await readFile(file(), 'utf8'));
  async function cli(...argv: string[]) {
    const io = { ...testIo(dir), env: { USER: 'ana' } };
    const code = await main(argv, io);
    return { code, out: io.out(), err: io.err() };
  }

  it('should never open an account again from the example holdings once it has history, nor reopen an executed proposal', async () => {
    await cli('run');
    expect((await cli('approve', 'p-000001-1')).out).toMatch(/p-000001-1  executed/);
    const damaged = await db();
    delete damaged.accounts['paper-dee'];
    await writeFile(file(), JSON.stringify(damaged));

    const again = await cli('run');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/paper account paper-dee has history .*not open it again from examples\/holdings\/dee-bot\.csv/s);
    expect(again.out).toMatch(/DOW-INDEX[\s\S]*SHORGAN-BOT/); // the other bots still run
    expect((await cli('approve', 'p-000001-1')).err).toMatch(/p-000001-1  executed  already decided/);
    const executions = (await db()).proposals.filter((r: { proposal: { id: string }; status: string }) => r.proposal.id === 'p-000001-1');
    expect(executions.map((r: { status: string }) => r.status)).toEqual(['executed']);
  });

  it('should refuse a database whose accounts are gone altogether, as damaged', async () => {
    await cli('run');
    const damaged = await db();
    delete damaged.accounts;
    await writeFile(file(), JSON.stringify(damaged));
    const result = await cli('run');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/ballast\.json is damaged: \/ must have required property 'accounts'.*restore it from a backup/);
  });

  it('should never reuse a run id when a version 1 file has no nextRunNumber', async () => {
    const damaged = JSON.parse(await readFile(V1_FIXTURE, 'utf8'));
    delete damaged.nextRunNumber;
    await writeFile(file(), JSON.stringify(damaged));
    const second = await cli('run', '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out).runs.map((r: { runId: string }) => r.runId)).toEqual(['run-000004', 'run-000005', 'run-000006', 'run-000007']);
    const history = await cli('history', '--json');
    const ids = JSON.parse(history.out).map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const [name, text] of [['{}', '{}'], ['[]', '[]'], ['another program\'s JSON', '{"name":"my-app","items":[1,2,3]}']] as const) {
    it(`should refuse ${name} with what to do in every command, and leave the file as it is`, async () => {
      await writeFile(file(), text);
      for (const argv of [['history'], ['status'], ['run'], ['approve', 'p-000001-1'], ['pending'], ['positions'], ['show', 'run-000001'],
        ['evaluate', 'policies/dee-bot.yaml', '--holdings', 'examples/holdings/dee-bot.csv', '--prices', 'examples/prices/dow30-daily-1991-2000.csv', '--as-of', '2001-01-02']]) {
        const result = await cli(...argv);
        expect({ argv, code: result.code }).toEqual({ argv, code: 1 });
        expect(result.err).toMatch(/ballast\.json is not a Ballast database .*move it aside/);
        expect(result.err).not.toMatch(/TypeError|\n\s+at /);
      }
      expect(await readFile(file(), 'utf8')).toBe(text);
    });
  }

  it('should refuse a version it does not know, saying what to do, without rewriting the file', async () => {
    const text = JSON.stringify({ version: 99, nextRunNumber: 1, runs: [] });
    await writeFile(file(), text);
    const result = await cli('run');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/ballast\.json is version 99; this Ballast reads versions up to \d+; upgrade Ballast/);
    expect(await readFile(file(), 'utf8')).toBe(text);
  });

  it('should refuse to replace a read-only database file', async () => {
    await cli('run');
    const before = await readFile(file(), 'utf8');
    await chmod(file(), 0o444);
    const result = await cli('approve', 'p-000001-1');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/ballast\.json is read-only.*chmod u\+w/);
    expect(await readFile(file(), 'utf8')).toBe(before);
  });

  it('should upgrade a version 1 file (written by `ballast run` before the archive), keeping a backup of it first and every run readable', async () => {
    const legacy = await readFile(V1_FIXTURE, 'utf8');
    await writeFile(file(), legacy);
    const history = await cli('history', '--json');
    expect(history.code).toBe(0);
    expect(JSON.parse(history.out).map((r: { id: string }) => r.id)).toEqual(['run-000001', 'run-000002', 'run-000003']);
    const files = await readdir(join(dir, '.ballast'));
    const backup = files.find((f) => /^ballast\.json\.v1\..*\.bak$/.test(f));
    expect(backup).toBeDefined();
    expect(await readFile(join(dir, '.ballast', backup!), 'utf8')).toBe(legacy);
    expect((await db()).version).toBe(3);
    expect((await cli('show', 'run-000002')).out).toMatch(/DOW-INDEX/);
    const next = await cli('run', '--json');
    expect(JSON.parse(next.out).runs.map((r: { runId: string }) => r.runId)).toEqual(['run-000004', 'run-000005', 'run-000006', 'run-000007']);
  });

  it('should upgrade a version 2 file, moving the equity histories out of it into the archive after a backup', async () => {
    await cli('run');
    const v2 = { ...(await db()), version: 2, equity: { 'paper-dee': [
      { at: '2026-11-20T21:00:00.000Z', equity: 100_000, cash: 8000, source: { kind: 'run', runId: 'run-000001' } },
      { at: '2026-11-21T12:00:00.000Z', equity: 99_990, cash: 20_000, source: { kind: 'execution', proposalId: 'p-1173a551db' } },
    ] } };
    const text = JSON.stringify(v2);
    await writeFile(file(), text);
    expect((await cli('history')).code).toBe(0);
    const upgraded = await db();
    expect(upgraded.version).toBe(3);
    expect(upgraded.equity).toBeUndefined();
    const backup = (await readdir(join(dir, '.ballast'))).find((f) => /^ballast\.json\.v2\..*\.bak$/.test(f));
    expect(await readFile(join(dir, '.ballast', backup!), 'utf8')).toBe(text);
    const store = await Store.open(join(dir, '.ballast'));
    const history = await store.equityHistory('paper-dee');
    expect(history.map((p) => p.equity)).toEqual(expect.arrayContaining([100_000, 99_990]));
    expect(history[0]!.at).toBe('2026-11-20T21:00:00.000Z'); // oldest first, whatever the order it was archived in
  });
});
