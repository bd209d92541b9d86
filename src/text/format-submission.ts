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
 * how to decide them (`hint`, e.g. {@link CLI_DECIDE_HINT}), and which proposals repeat a trade still pending from
 * an earlier run (and which one to decide instead).
 */
export function formatSubmission(policy: Policy, submission: Submission, hint: DecideHint): string {
  const lines: string[] = [];
  for (const { record } of submission.auto) lines.push(`  ${record.proposal.id}  ${record.status}  ${describeStatus(record)}`);
  const waiting = submission.opened.filter((r) => r.status === 'pending' && !submission.auto.some((a) => a.record.nonce === r.nonce));
  for (const { proposal, pending } of submission.alreadyPending) lines.push(`  ${proposal.id}  already pending as ${pending.proposal.id} (${pending.runId}): decide that one`);
  if (submission.autoBlocked !== undefined) lines.push(`  approval: auto, but ${submission.autoBlocked}: waiting for a person`);
  if (waiting.length > 0) {
    const dry = policy.dry_run ? ' (dry run: decisions are recorded, nothing is executed)' : '';
    const via = policy.approval.mode === 'telegram' ? 'in Telegram or with' : 'with';
    lines.push(`  ${waiting.length} pending approval${dry}, until ${waiting[0]!.expiresAt.slice(0, 16).replace('T', ' ')} UTC; decide ${via}`);
    lines.push(`    ${hint.decide(waiting.map((r) => r.proposal.id))}`);
  } else if (submission.alreadyPending.length > 0 && submission.auto.length === 0) {
    lines.push(`  proposals already pending from an earlier run: ${hint.pending}`);
  }
  return lines.join('\n');
}
