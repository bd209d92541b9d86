import type { ProposalRecord } from '../../src/approval/proposal-record.js';
import type { RunRecord } from '../../src/store/run-record.js';
import type { Store } from '../../src/store/store.js';

const HOUR_MS = 3_600_000;

/**
 * Records `count` more runs in `store`, copies of the `templates` (real runs of `ballast run`) in turn, one an hour
 * ending at `end`, each with its proposals decided (rejected, expired, or every tenth executed) and an equity point:
 * the history a few years of scheduled runs leave. The store numbers each run's proposals after it. Written in batches of 500,
 * through the store's own write path.
 */
export async function populateStore(store: Store, templates: readonly RunRecord[], count: number, end: Date): Promise<void> {
  const first = end.getTime() - count * HOUR_MS;
  for (let start = 0; start < count; start += 500) {
    const batch = Array.from({ length: Math.min(500, count - start) }, (_, k) => start + k);
    const runs = await Promise.all(batch.map((i) => {
      const template = templates[i % templates.length]!;
      const evaluatedAt = new Date(first + i * HOUR_MS).toISOString();
      const { id: _id, ...run } = template;
      return store.recordRun({ ...run, evaluatedAt, asOf: evaluatedAt.slice(0, 10), proposals: template.proposals });
    }));
    for (const run of runs) {
      run.proposals.forEach((proposal, j) => store.putProposalRecord(decided(run, proposal.id, j)));
      store.recordEquity(run.policySnapshot.account, { at: run.evaluatedAt, equity: run.inputs.equity, cash: run.inputs.cash, source: { kind: 'run', runId: run.id } });
    }
    await store.persist();
  }
}

function decided(run: RunRecord, proposalId: string, index: number): ProposalRecord {
  const proposal = run.proposals[index]!;
  const at = run.evaluatedAt;
  const executed = Number(run.id.slice(4)) % 10 === 0;
  const base = {
    proposal, nonce: `b${run.id.slice(4)}${index}`, runId: run.id, policyId: run.policy.policyId, policyName: run.policySnapshot.name,
    accountId: run.policySnapshot.account, policyRevision: run.policy.revision, mode: 'cli' as const, dryRun: false,
    costs: { commissionBps: 0, commissionMin: 0, slippageBps: 0 }, tolerancePct: 2, createdAt: at, expiresAt: at,
  };
  const decision = { decision: 'approve' as const, actorId: 'cli:bench', actorName: 'bench', channel: 'cli' as const, at, policyRevision: run.policy.revision };
  if (executed) {
    const fill = { seq: 1, symbol: proposal.symbol, side: proposal.side, quantity: proposal.quantity, price: proposal.price, notional: proposal.notional, commission: 0, slippageCost: 0, costRelieved: 0, realizedPnl: 0, at };
    return { ...base, status: 'executed', decision, execution: { at, quote: proposal.price, fill } };
  }
  if (proposalId.endsWith('1')) return { ...base, status: 'rejected', decision: { ...decision, decision: 'reject' } };
  return { ...base, status: 'expired', decision: { ...decision, decision: 'expire', actorId: 'system', actorName: 'Ballast', channel: 'system' }, outcome: { at, code: 'EXPIRED', message: 'not decided' } };
}
