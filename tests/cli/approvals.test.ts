import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { exampleWorkspace } from '../support/example-workspace.js';
import { testIo } from '../support/test-io.js';

describe('ballast pending / approve / reject / positions', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, remove } = await exampleWorkspace('approvals'));
  });
  afterEach(async () => {
    await remove();
  });

  const db = async () => JSON.parse(await readFile(join(dir, '.ballast', 'ballast.json'), 'utf8'));

  it('should leave proposals pending after `ballast run` and say how to approve them', async () => {
    const io = testIo(dir);
    expect(await main(['run'], io)).toBe(0);
    expect(io.out()).toMatch(/3 pending approval.*\n +npx ballast approve p-000001-1 p-000001-2 p-000001-3/);
    const data = await db();
    expect(data.proposals.map((r: { status: string }) => r.status)).toEqual(Array(25).fill('pending')); // dee-bot 3, dow-index 3, multi-factor 17, shorgan-bot 2
    expect(Object.keys(data.accounts).sort()).toEqual(['paper-dee', 'paper-index', 'paper-multi', 'paper-shorgan']);
    const pending = testIo(dir);
    expect(await main(['pending'], pending)).toBe(0);
    expect(pending.out()).toMatch(/p-000001-1  sell 300 GE @ 43\.26 = 12,978\.00/);
  });

  it('should execute approved proposals, refuse a second decision, and evaluate the next run from the account', async () => {
    await main(['run'], testIo(dir));
    const approve = testIo(dir);
    expect(await main(['approve', 'p-000001-1', 'p-000001-3'], { ...approve, env: { USER: 'ana' } })).toBe(0);
    expect(approve.out()).toMatch(/p-000001-1  executed  approved by ana \(cli\)/);
    const again = testIo(dir);
    expect(await main(['reject', 'p-000001-1'], again)).toBe(1);
    expect(again.err()).toMatch(/p-000001-1  executed  already decided/);
    const data = await db();
    const ge = data.proposals.find((r: { proposal: { id: string } }) => r.proposal.id === 'p-000001-1');
    expect(ge).toMatchObject({ status: 'executed', decision: { actorId: 'cli:ana', channel: 'cli', policyRevision: expect.any(String) }, execution: { quote: 43.26, fill: { quantity: 300 } } });
    // slippage 5 bps: 43.26 × 0.9995 = 43.23837 → notional 12,971.51; CAT 45 × 0.9995 × 125 = 5,622.1875 → 5,622.19
    expect(data.accounts['paper-dee']).toMatchObject({ cash: 8000 + 12971.51 + 5622.19, commissionsPaid: 0 });
    const positions = testIo(dir);
    expect(await main(['positions', '--account', 'paper-dee', '--json'], positions)).toBe(0);
    const valued = JSON.parse(positions.out()).accounts[0].valuation;
    expect(valued.positions.map((p: { symbol: string }) => p.symbol)).not.toContain('GE');
    expect(valued.positions.find((p: { symbol: string }) => p.symbol === 'CAT')).toMatchObject({ quantity: 125 });
    expect(valued.equity).toBeCloseTo(valued.cash + valued.positions.reduce((s: number, p: { marketValue: number }) => s + p.marketValue, 0), 9);
    const next = testIo(dir);
    await main(['run', '--json'], next);
    const dee = JSON.parse(next.out()).runs[0];
    expect(dee.proposals.map((p: { symbol: string }) => p.symbol)).not.toContain('GE');
  });

  it('should reject with --all for one policy and exit 2 for ids together with --all', async () => {
    await main(['run'], testIo(dir));
    const io = testIo(dir);
    expect(await main(['reject', '--all', '--policy', 'shorgan-bot'], io)).toBe(0);
    expect(io.out().split('\n')).toHaveLength(2);
    expect(await main(['approve', 'p-1', '--all'], testIo(dir))).toBe(2);
    const data = await db();
    expect(data.proposals.filter((r: { status: string }) => r.status === 'rejected').map((r: { policyId: string }) => r.policyId)).toEqual(['shorgan-bot', 'shorgan-bot']);
  });
});
