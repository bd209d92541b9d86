import { randomBytes } from 'node:crypto';
import { ApprovalService, type DecisionResult, type QuoteSource } from '../approval/approval-service.js';
import { openProposalRecords, type AlreadyPending } from '../approval/open-proposal-records.js';
import type { ProposalRecord } from '../approval/proposal-record.js';
import type { Store } from '../store/store.js';
import type { PolicyRun } from './run-policy.js';

/** The automatic actor of `approval.mode: auto`. */
export const AUTO_ACTOR = { id: 'auto', name: 'auto-rebalancing', channel: 'auto' } as const;

/** What submitting a run for approval did: the records opened and, in auto mode, each automatic decision. */
export interface Submission {
  readonly opened: readonly ProposalRecord[];
  readonly auto: readonly DecisionResult[];
  /** Proposals of the run whose trade is still pending from an earlier run (a re-run on the same data): not opened twice. */
  readonly alreadyPending: readonly AlreadyPending[];
  /** Why `approval.mode: auto` did not execute, when it did not (switch off in the policy or the environment). */
  readonly autoBlocked?: string;
}

/** What submitting needs: the clock, quotes for the price re-check, and the environment (master switch). */
export interface SubmitOptions {
  readonly now: Date;
  readonly quotes: QuoteSource;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * Puts a recorded run's proposals up for approval (expiring overdue ones first) and, for `approval.mode: auto`,
 * approves and executes them at once when the policy's `auto_rebalancing` is true and `BALLAST_AUTO_REBALANCING`
 * is not `off`/`false`/`0` (the master switch of note 002). Persists the store. A run without a recorded run
 * (preview) submits nothing.
 */
export async function submitForApproval(store: Store, run: Pick<PolicyRun, 'policy' | 'run'>, options: SubmitOptions): Promise<Submission> {
  if (run.run === undefined) return { opened: [], auto: [], alreadyPending: [] };
  const service = new ApprovalService(store, options.quotes);
  await service.expireDue(options.now);
  const { opened, alreadyPending } = openProposalRecords(store, run.run, run.policy, options.now, newNonce);
  await store.persist();
  if (run.policy.approval.mode !== 'auto') return { opened, auto: [], alreadyPending };
  const blocked = autoBlocked(run.policy.auto_rebalancing, options.env);
  if (blocked !== undefined) return { opened, auto: [], alreadyPending, autoBlocked: blocked };
  const auto: DecisionResult[] = [];
  for (const record of opened) auto.push(await service.approve(record.proposal.id, AUTO_ACTOR, options.now));
  return { opened, auto, alreadyPending };
}

/** Why automatic execution is off, or undefined when it may run. */
export function autoBlocked(policySwitch: boolean, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const master = env.BALLAST_AUTO_REBALANCING?.trim().toLowerCase();
  if (master === 'off' || master === 'false' || master === '0') return 'BALLAST_AUTO_REBALANCING is off';
  if (!policySwitch) return 'auto_rebalancing is false in the policy';
  return undefined;
}

/** 8 url-safe random characters (48 bits). */
export function newNonce(): string {
  return randomBytes(6).toString('base64url');
}
