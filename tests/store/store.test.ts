import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import type { NewRun } from '../../src/store/run-record.js';
import { main } from '../../src/cli/main.js';
import { policyFrom } from '../support/policy-fixtures.js';
import { testIo } from '../support/test-io.js';

function run(policyId: string, evaluatedAt: string, sells: string[]): NewRun {
  return {
    policy: { policyId, file: 'p.yaml', revision: 'abc1234', contentHash: 'f'.repeat(64) },
    policySnapshot: policyFrom(''),
    initiator: 'cli',
    asOf: evaluatedAt.slice(0, 10),
    evaluatedAt,
    inputs: { holdingsFile: 'h.csv', pricesFile: 'p.csv', cash: 0, equity: 0, positions: [] },
    proposals: sells.map((symbol) => ({
      id: `p-${symbol}`, policyId, kind: 'stale', action: 'exit', ruleId: 'stale', symbol, side: 'sell',
      quantity: 1, price: 1, notional: 1, weightBeforePct: 1, weightAfterPct: 0, reason: 'r', alsoFired: [], tags: ['stale'],
    })),
    dropped: [],
    metrics: { tradeCount: sells.length, turnoverPct: 0, maxDriftBeforePp: null, maxDriftAfterPp: null, budgetUsedPct: null },
  };
}

describe('Store', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ballast-store-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('should write runs to the monthly archive, the counter to the database file, and read them back in a new store', async () => {
    const first = await Store.open(dir, 'test');
    const a = await first.recordRun(run('dee-bot', '2000-06-26T20:00:00.000Z', ['KO']));
    const b = await first.recordRun(run('shorgan-bot', '2000-06-27T20:00:00.000Z', ['MO', 'T']));
    expect([a.id, b.id]).toEqual(['run-000001', 'run-000002']);

    const onDisk = JSON.parse(await readFile(join(dir, 'ballast.json'), 'utf8'));
    expect(onDisk).toMatchObject({ version: 3, nextRunNumber: 3 });
    expect(onDisk.runs).toBeUndefined();
    const archived = (await readFile(join(dir, 'archive', 'runs-2000-06.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(archived.map((r) => r.id)).toEqual(['run-000001', 'run-000002']);

    await first.close();
    const reopened = await Store.open(dir, 'test');
    expect(await reopened.getRun('run-000002')).toMatchObject({ policy: { policyId: 'shorgan-bot', revision: 'abc1234' } });
    expect(await reopened.recordedExits('shorgan-bot', new Date('2000-06-20T00:00:00Z'), new Date('2000-06-30T00:00:00Z'))).toEqual([
      { symbol: 'MO', at: '2000-06-27T20:00:00.000Z' },
      { symbol: 'T', at: '2000-06-27T20:00:00.000Z' },
    ]);
    expect(await reopened.recordedExits('shorgan-bot', new Date('2000-06-20T00:00:00Z'), new Date('2000-06-27T19:59:59Z'))).toEqual([]); // evaluated after the window
    expect((await reopened.runSummaries({ policyId: 'dee-bot' })).map((r) => r.id)).toEqual(['run-000001']);
    expect((await reopened.recordRun(run('dee-bot', '2000-06-28T20:00:00.000Z', []))).id).toBe('run-000003');
  });

  it('should keep an in-memory store off the disk', async () => {
    const store = await Store.inMemory();
    await store.recordRun(run('dee-bot', '2000-06-26T20:00:00.000Z', ['KO']));
    expect(store.location).toBe('(memory)');
    expect(await store.runSummaries()).toHaveLength(1);
  });
});

describe('Store.open on a damaged file', () => {
  it('should say which file is damaged and what to do, without touching it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ballast-store-'));
    await writeFile(join(dir, 'ballast.json'), '{"version":1,"runs":[');
    await expect(Store.open(dir)).rejects.toMatchObject({ code: 'CORRUPT_DATABASE', message: expect.stringMatching(/ballast\.json is not valid JSON .*move it aside/) });
    expect(await readFile(join(dir, 'ballast.json'), 'utf8')).toBe('{"version":1,"runs":[');
    await rm(dir, { recursive: true, force: true });
  });
});

describe('Store (approvals)', () => {
  it('should persist proposal records, accounts, refusals and pauses to the file and load old files without them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ballast-store-approvals-'));
    await writeFile(join(dir, 'ballast.json'), JSON.stringify({ version: 1, nextRunNumber: 1, runs: [] }));
    const store = await Store.open(dir, 'test');
    expect(store.proposalRecords()).toEqual([]);
    store.putAccount({ accountId: 'paper', baseCurrency: 'USD', openedAt: '2026-11-21T12:00:00Z', initialCapital: 10, netDeposits: 0, cash: 10, lots: [], realizedPnl: 0, commissionsPaid: 0, trades: [] });
    store.recordRefusal({ at: '2026-11-21T12:00:00Z', reason: 'forged', actorId: 'telegram:7', channel: 'telegram', detail: 'bad mac' });
    store.setPaused('dee-bot', true, { actorId: 'telegram:1', at: '2026-11-21T12:00:00Z', reason: '/pause' });
    await store.close();
    const reopened = await Store.open(dir);
    expect(reopened.account('paper')).toMatchObject({ cash: 10 });
    expect((await reopened.listRefusals())).toMatchObject([{ reason: 'forged', actorId: 'telegram:7' }]);
    expect(reopened.pauseOf('dee-bot')).toMatchObject({ reason: '/pause' });
    await rm(dir, { recursive: true, force: true });
  });
});

describe('Store lock', () => {
  it('should refuse a second owner while the first holds the lock, and take over a lock whose process is gone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ballast-lock-'));
    const first = await Store.open(dir, 'telegram');
    await expect(Store.open(dir, 'approve')).rejects.toMatchObject({ code: 'STORE_LOCKED', owner: { pid: process.pid, command: 'telegram' } });
    await first.close();
    const second = await Store.open(dir, 'approve');
    await second.close();
    await writeFile(join(dir, 'ballast.lock'), '999999999 telegram\n');
    const third = await Store.open(dir, 'run');
    await third.close();
    await rm(dir, { recursive: true, force: true });
  });
});

describe('Store writes', () => {
  it('should refuse a change to a store opened without the lock, leaving the file as it was', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ballast-readonly-'));
    const store = await Store.open(dir);
    expect(() => store.recordRefusal({ at: '2026-11-21T12:00:00Z', reason: 'forged', actorId: 'telegram:7', channel: 'telegram', detail: 'x' })).toThrow(expect.objectContaining({ code: 'READ_ONLY_STORE' }));
    await expect(readFile(join(dir, 'ballast.json'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    await rm(dir, { recursive: true, force: true });
  });

  it('should not write once another process has taken its lock over', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ballast-lost-'));
    const store = await Store.open(dir, 'run');
    await writeFile(join(dir, 'ballast.lock'), JSON.stringify({ pid: process.pid, host: 'other', command: 'run', startedAt: 'x', token: 'thief' }));
    await expect(store.recordRun(run('dee-bot', '2000-06-26T20:00:00.000Z', []))).rejects.toMatchObject({ code: 'LOCK_LOST' });
    await expect(readFile(join(dir, 'ballast.json'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    await rm(dir, { recursive: true, force: true });
  });
});

describe('Store: the hot state stays small', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ballast-hot-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('should keep only the latest closed proposals in the database file and find older ones in the archive', async () => {
    const store = await Store.open(dir, 'test');
    const base = await store.recordRun(run('dee-bot', '2000-06-26T20:00:00.000Z', ['KO']));
    const record = (i: number, status: 'pending' | 'rejected') => ({
      proposal: { ...base.proposals[0]!, id: `p-${String(i).padStart(10, '0')}` }, nonce: `n${i}`, runId: base.id, policyId: 'dee-bot', policyName: 'DEE',
      accountId: 'paper', policyRevision: 'abc1234', mode: 'cli' as const, dryRun: false, costs: { commissionBps: 0, commissionMin: 0, slippageBps: 0 },
      tolerancePct: 2, createdAt: '2000-06-26T20:00:00.000Z', expiresAt: '2000-06-27T20:00:00.000Z', status,
    });
    for (let i = 0; i < 250; i++) store.putProposalRecord(record(i, i === 0 ? 'pending' : 'rejected'));
    await store.close();
    const onDisk = JSON.parse(await readFile(join(dir, 'ballast.json'), 'utf8'));
    expect(onDisk.proposals).toHaveLength(101); // the open one and the 100 most recent closed ones
    expect(onDisk.proposals[0].proposal.id).toBe('p-0000000000');
    const reread = await Store.open(dir);
    expect(reread.proposalRecord('p-0000000001')).toBeUndefined();
    expect(await reread.findProposalRecord('p-0000000001')).toMatchObject({ status: 'rejected', nonce: 'n1' });
  });

  it('should never reuse a run id when the database file is older than the archive (restored from a backup)', async () => {
    const store = await Store.open(dir, 'test');
    await store.recordRun(run('dee-bot', '2000-06-26T20:00:00.000Z', []));
    await store.close();
    const before = await readFile(join(dir, 'ballast.json'), 'utf8');
    const again = await Store.open(dir, 'test');
    await again.recordRun(run('dee-bot', '2000-06-27T20:00:00.000Z', []));
    await again.close();
    await writeFile(join(dir, 'ballast.json'), before);
    const restored = await Store.open(dir, 'test');
    expect((await restored.recordRun(run('dee-bot', '2000-06-28T20:00:00.000Z', []))).id).toBe('run-000003');
    await restored.close();
  });

  it('should skip a run line cut off by a crash, and start the next one on a new line', async () => {
    const store = await Store.open(dir, 'test');
    await store.recordRun(run('dee-bot', '2000-06-26T20:00:00.000Z', ['KO']));
    await store.close();
    await writeFile(join(dir, 'archive', 'runs-2000-06.index.jsonl'), '{"id":"run-0000', { flag: 'a' });
    const again = await Store.open(dir, 'test');
    await again.recordRun(run('dee-bot', '2000-06-27T20:00:00.000Z', ['MO']));
    expect((await again.runSummaries()).map((r) => r.id)).toEqual(['run-000001', 'run-000002']);
    expect(await again.getRun('run-000002')).toMatchObject({ proposals: [{ symbol: 'MO' }] });
    await again.close();
  });
});

describe('ballast history on a long history', () => {
  it('should list the latest 50 runs by default, say how many there are, and list all with --all or n with --limit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ballast-history-'));
    const store = await Store.open(dir, 'test');
    await Promise.all(Array.from({ length: 60 }, (_, i) => store.recordRun(run(i % 2 === 0 ? 'dee-bot' : 'shorgan-bot', `2000-0${1 + (i % 6)}-10T20:00:00.000Z`, []))));
    await store.close();
    const history = async (...args: string[]) => {
      const io = testIo(dir);
      await main(['history', '--data-dir', dir, ...args], io);
      return io.out().split('\n').filter((line) => line.startsWith('run-')).map((line) => line.slice(0, 10));
    };
    const io = testIo(dir);
    await main(['history', '--data-dir', dir], io);
    expect(io.out()).toMatch(/the latest 50 of 60 runs; --all lists every run/);
    expect(await history()).toEqual(Array.from({ length: 50 }, (_, i) => `run-${String(i + 11).padStart(6, '0')}`));
    expect(await history('--all')).toHaveLength(60);
    expect(await history('--limit', '3', '--bot', 'shorgan-bot')).toEqual(['run-000056', 'run-000058', 'run-000060']);
    expect(await store.countRuns({ policyId: 'dee-bot' })).toBe(30);
    await rm(dir, { recursive: true, force: true });
  });
});
