import { describeStatus } from './describe-record.js';
import type { Submission } from '../run/submit-for-approval.js';
import type { Policy } from '../policy/policy.js';

/** How a terminal decides proposals: the line shown under a run for the waiting ids, and how to list pending ones. */
export interface DecideHint {
  readonly decide: (ids: readonly string[]) => string;
  readonly pending: string;
}

/** `ballast run`'s hint: the commands to type in a terminal. */
export const CLI_DECIDE_HINT: DecideHint = {
  decide: (ids) => `npx ballast approve ${ids.join(' ')}   (or --all; npx ballast reject <id…>)`,
  pending: 'npx ballast pending',
};

/** How the console under `ballast serve` decides: commands typed into the running daemon. */
export const SERVE_DECIDE_HINT: DecideHint = {
  decide: (ids) => `type here: approve ${ids.join(' ')}   (or: approve all · reject <id…>)`,
  pending: 'type `pending` here',
};

/**
 * What happened to a run's proposals after recording, for a terminal: automatic decisions, or how many wait and
 * how to decide them (`hint`, e.g. {@link CLI_DECIDE_HINT}). `proposalCount` is the run's number of proposals.
 */
export function formatSubmission(policy: Policy, proposalCount: number, submission: Submission, hint: DecideHint): string {
  const lines: string[] = [];
  for (const { record } of submission.auto) lines.push(`  ${record.proposal.id}  ${record.status}  ${describeStatus(record)}`);
  const waiting = submission.opened.filter((r) => r.status === 'pending' && !submission.auto.some((a) => a.record.nonce === r.nonce));
  for (const record of submission.decidedBefore) lines.push(`  ${record.proposal.id}  decided before: ${describeStatus(record)}; not proposed again`);
  if (submission.autoBlocked !== undefined) lines.push(`  approval: auto, but ${submission.autoBlocked}: waiting for a person`);
  if (waiting.length > 0) {
    const dry = policy.dry_run ? ' (dry run: decisions are recorded, nothing is executed)' : '';
    const via = policy.approval.mode === 'telegram' ? 'in Telegram or with' : 'with';
    lines.push(`  ${waiting.length} pending approval${dry}, until ${waiting[0]!.expiresAt.slice(0, 16).replace('T', ' ')} UTC; decide ${via}`);
    lines.push(`    ${hint.decide(waiting.map((r) => r.proposal.id))}`);
  } else if (proposalCount > submission.decidedBefore.length && submission.auto.length === 0) {
    lines.push(`  proposals already pending from an earlier run: ${hint.pending}`);
  }
  return lines.join('\n');
}
