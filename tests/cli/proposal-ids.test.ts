import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { exampleWorkspace } from '../support/example-workspace.js';
import { testIo } from '../support/test-io.js';

interface StoredRecord {
  readonly proposal: { readonly id: string; readonly symbol: string };
  readonly runId: string;
  readonly policyId: string;
  readonly status: string;
}

describe('proposal ids across runs', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, remove } = await exampleWorkspace('proposal-ids'));
  });
  afterEach(async () => {
    await remove();
  });

  const records = async (): Promise<StoredRecord[]> => JSON.parse(await readFile(join(dir, '.ballast', 'ballast.json'), 'utf8')).proposals;
  const ge = async (): Promise<StoredRecord[]> => (await records()).filter((r) => r.policyId === 'dee-bot' && r.proposal.symbol === 'GE');
  const as = (user: string, now: string) => {
    const io = testIo(dir, new Date(now));
    return { ...io, env: { USER: user } };
  };

  it('should propose a rejected trade again under a new id that says who rejected it and when, and execute only that one', async () => {
    expect(await main(['run'], as('alice', '2026-11-21T12:00:00Z'))).toBe(0);
    const [first] = await ge();
    expect(await main(['reject', first!.proposal.id], as('alice', '2026-11-21T12:05:00Z'))).toBe(0);

    const rerun = as('alice', '2026-11-21T15:00:00Z'); // same prices, same holdings: the same trade fires again
    expect(await main(['run'], rerun)).toBe(0);
    const [, second] = await ge();
    expect(second).toMatchObject({ status: 'pending', runId: 'run-000005' });
    expect(second!.proposal.id).not.toBe(first!.proposal.id);
    expect(rerun.out()).toContain(`${second!.proposal.id}  cut_loss`);
    expect(rerun.out()).toMatch(/GE[^\n]*\n[^\n]*\[also fired: custom:slow-bleed\]; rejected earlier by alice \(cli\) at 2026-11-21 12:05 UTC\n/);
    const pending = as('bob', '2026-11-21T15:01:00Z');
    expect(await main(['pending'], pending)).toBe(0);
    expect(pending.out()).toMatch(new RegExp(`${second!.proposal.id}  sell 300 GE[^\\n]*\\n[^\\n]*rejected earlier by alice \\(cli\\) at 2026-11-21 12:05 UTC`));

    expect(await main(['approve', second!.proposal.id], as('bob', '2026-11-21T15:02:00Z'))).toBe(0);
    expect((await ge()).map((r) => [r.proposal.id, r.status])).toEqual([[first!.proposal.id, 'rejected'], [second!.proposal.id, 'executed']]);
    const audit = as('bob', '2026-11-21T15:03:00Z');
    expect(await main(['audit', '--json'], audit)).toBe(0);
    const decisions = (JSON.parse(audit.out()) as { kind: string; proposalId: string; decision: string; status: string }[]).filter((e) => e.kind === 'decision');
    const ids = decisions.map((e) => e.proposalId);
    expect(new Set(ids).size).toBe(ids.length); // one decision per id: never `rejected` and `executed` under one id
    expect(decisions.filter((e) => e.proposalId === first!.proposal.id)).toMatchObject([{ decision: 'reject', status: 'rejected' }]);
    expect(decisions.filter((e) => e.proposalId === second!.proposal.id)).toMatchObject([{ decision: 'approve', status: 'executed' }]);
  });

  it('should number proposal ids after their run, so that no two runs share one', async () => {
    expect(await main(['run'], as('alice', '2026-11-21T12:00:00Z'))).toBe(0);
    expect(await main(['reject', '--all'], as('alice', '2026-11-21T12:05:00Z'))).toBe(0);
    expect(await main(['run'], as('alice', '2026-11-21T15:00:00Z'))).toBe(0);
    const all = await records();
    expect(new Set(all.map((r) => r.proposal.id)).size).toBe(all.length);
    for (const record of all) expect(record.proposal.id).toMatch(new RegExp(`^p-${record.runId.slice(4)}-\\d+$`));
  });
});
