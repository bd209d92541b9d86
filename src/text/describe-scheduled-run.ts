import type { RunRecord } from '../store/run-record.js';

/**
 * One line for a scheduled run in serve's log: the slot, the run id, the policy file and revision, the prices' date,
 * and the proposals (`rule action symbol side quantity`) and how many the limits dropped.
 */
export function describeScheduledRun(run: RunRecord): string {
  const slot = run.slot ? `${run.slot.key}` : run.id;
  const trades = run.proposals.map((p) => `${p.ruleId} ${p.action} ${p.symbol} ${p.side} ${p.quantity}`).join('; ');
  return `ran ${slot} as ${run.id} · ${run.policy.file} @ ${run.policy.revision} · prices as of ${run.asOf} · ${run.proposals.length} proposal${run.proposals.length === 1 ? '' : 's'}${trades ? `: ${trades}` : ''}${run.dropped.length ? ` · ${run.dropped.length} dropped by limits` : ''}`;
}
