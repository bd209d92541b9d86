import { describe, expect, it } from 'vitest';
import { autoBlocked, submitForApproval } from '../../src/run/submit-for-approval.js';
import type { PolicyRun } from '../../src/run/run-policy.js';
import { policyFrom } from '../support/policy-fixtures.js';
import { quotes, sellProposal, storeWithPending, T0 } from '../approval/approval-fixtures.js';

async function autoRun(policyYaml: string) {
  const { store } = await storeWithPending('approval: { expires_after_hours: 2 }\n', []);
  const policy = policyFrom(policyYaml);
  const base = (await store.getRun('run-000001'))!;
  const run = await store.recordRun({ ...base, policySnapshot: policy, proposals: [sellProposal('AAA', 10, 60)] });
  return { store, policyRun: { policy, run, evaluation: { proposals: run.proposals } } as unknown as PolicyRun };
}

describe('submitForApproval', () => {
  it('should execute at once under approval: auto with auto_rebalancing on', async () => {
    const { store, policyRun } = await autoRun('approval: { mode: auto }\nauto_rebalancing: true\n');
    const submission = await submitForApproval(store, policyRun, { now: T0, quotes: quotes({ AAA: 60 }), env: {} });
    expect(submission.auto).toMatchObject([{ result: 'decided', record: { status: 'executed', decision: { actorId: 'auto', channel: 'auto' } } }]);
  });

  it('should leave proposals pending when the master switch is off in the policy or the environment', async () => {
    const inPolicy = await autoRun('approval: { mode: auto }\n');
    expect(await submitForApproval(inPolicy.store, inPolicy.policyRun, { now: T0, quotes: quotes({ AAA: 60 }), env: {} }))
      .toMatchObject({ auto: [], autoBlocked: 'auto_rebalancing is false in the policy', opened: [{ status: 'pending' }] });
    expect(autoBlocked(true, { BALLAST_AUTO_REBALANCING: 'off' })).toBe('BALLAST_AUTO_REBALANCING is off');
    expect(autoBlocked(true, { BALLAST_AUTO_REBALANCING: 'on' })).toBeUndefined();
  });
});
