import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApprovalService } from '../../src/approval/approval-service.js';
import { main } from '../../src/cli/main.js';
import { Store } from '../../src/store/store.js';
import { exampleWorkspace } from '../support/example-workspace.js';
import { testIo } from '../support/test-io.js';
import { ANA, at, quotes, storeWithPending } from './approval-fixtures.js';

describe('refusals in the audit log', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ballast-refusals-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('should have written a refusal (paused, replayed) to disk by the time the error reaches the caller', async () => {
    const { store: memory } = await storeWithPending();
    const store = await Store.open(dir, 'telegram');
    store.putAccount(memory.account('paper')!);
    for (const record of memory.proposalRecords()) store.putProposalRecord(record);
    const service = new ApprovalService(store, quotes({ AAA: 60 }));
    await service.setPaused('test-bot', true, ANA, at(1));
    await expect(service.approve('p-000001-1', ANA, at(2))).rejects.toMatchObject({ code: 'PAUSED' });
    await expect(service.reject('p-000001-2', ANA, at(3), { nonce: 'stale-nonce' })).rejects.toMatchObject({ code: 'REPLAYED' });
    const onDisk = await Store.open(dir); // another process reading right now, before any later write
    expect((await onDisk.listRefusals()).map((r) => [r.reason, r.proposalId])).toEqual([['paused', 'p-000001-1'], ['replayed', 'p-000001-2']]);
    await store.close();
  });
});

describe('ballast audit', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, remove } = await exampleWorkspace('audit'));
  });
  afterEach(async () => {
    await remove();
  });

  it('should store a refusal for an unknown id from the CLI and list it with the decisions, oldest first', async () => {
    const io = () => ({ ...testIo(dir), env: { USER: 'ana' } });
    await main(['run'], io());
    await main(['approve', 'p-000001-1'], io());
    const unknown = io();
    expect(await main(['approve', 'p-nope000000'], unknown)).toBe(1);
    const audit = io();
    expect(await main(['audit'], audit)).toBe(0);
    const lines = audit.out().split('\n');
    const decision = lines.findIndex((l) => /approve\s+cli:ana\s+p-000001-1 .*executed/.test(l));
    const refusal = lines.findIndex((l) => /refused\s+cli:ana\s+p-nope000000\s+unknown_proposal/.test(l));
    expect(decision).toBeGreaterThanOrEqual(0);
    expect(refusal).toBeGreaterThan(decision);
    const json = io();
    await main(['audit', '--json', '--refusals'], json);
    expect(JSON.parse(json.out())).toMatchObject([{ kind: 'refusal', reason: 'unknown_proposal', actorId: 'cli:ana', proposalId: 'p-nope000000' }]);
  });
});
