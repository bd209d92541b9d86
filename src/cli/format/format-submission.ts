import { describeStatus } from '../../approval/describe-record.js';
import type { PolicyRun } from '../../jobs/evaluate-policy-file.js';
import type { Submission } from '../../jobs/submit-for-approval.js';

/**
 * What happened to a run's proposals after recording, for a terminal: automatic decisions, or how many wait and
 * the command that decides them (`npx ballast approve …`).
 */
export function formatSubmission(run: PolicyRun, submission: Submission): string {
  const lines: string[] = [];
  for (const { record } of submission.auto) lines.push(`  ${record.proposal.id}  ${record.status}  ${describeStatus(record)}`);
  const waiting = submission.opened.filter((r) => r.status === 'pending' && !submission.auto.some((a) => a.record.nonce === r.nonce));
  if (submission.autoBlocked !== undefined) lines.push(`  approval: auto, but ${submission.autoBlocked}: waiting for a person`);
  if (waiting.length > 0) {
    const dry = run.policy.dry_run ? ' (dry run: decisions are recorded, nothing is executed)' : '';
    const via = run.policy.approval.mode === 'telegram' ? 'in Telegram or with' : 'with';
    lines.push(`  ${waiting.length} pending approval${dry}, until ${waiting[0]!.expiresAt.slice(0, 16).replace('T', ' ')} UTC; decide ${via}`);
    lines.push(`    npx ballast approve ${waiting.map((r) => r.proposal.id).join(' ')}   (or --all; npx ballast reject <id…>)`);
  } else if (run.evaluation.proposals.length > 0 && submission.auto.length === 0) {
    lines.push('  proposals already pending from an earlier run: npx ballast pending');
  }
  return lines.join('\n');
}
