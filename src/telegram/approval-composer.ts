import { Composer, GrammyError } from 'grammy';
import { AccountingInvariantError, ApprovalError } from '../errors.js';
import type { BatchOutcome, DecisionResult } from '../approval/approval-service.js';
import type { ProposalRecord } from '../approval/proposal-record.js';
import { describeApproveAll } from '../text/describe-approve-all.js';
import { verifyCallback, type CallbackPayload } from './callback-data.js';
import { confirmAllKeyboard } from './format-batch.js';
import { refreshMessages } from './refresh-messages.js';
import type { BallastContext, TelegramDeps } from './telegram-deps.js';

/**
 * Approve / Reject buttons: verifies the signed callback data (forged → refused and stored), checks the role
 * (viewers → refused and stored), calls the approval service with the button's nonce and message id (so a button
 * of an older record or message is refused as replayed), answers the press, and edits the message(s) to show who
 * decided what and when — also when answering the press failed (a 5xx from Telegram): the answer is logged and the
 * edit still happens. "Approve all" / "Reject all" decide nothing: they swap the buttons for one confirmation
 * ("Yes, approve all N") and a Cancel; only the confirmation decides. Runs after `authorizedOnly`.
 */
export function approvalComposer(deps: TelegramDeps): Composer<BallastContext> {
  const composer = new Composer<BallastContext>();
  composer.on('callback_query:data', async (ctx) => {
    const { role, actor } = ctx.ballast!;
    const now = deps.now();
    const answer = async (text: string, alert: boolean): Promise<void> => {
      try {
        await ctx.answerCallbackQuery({ text: text.slice(0, 200), show_alert: alert });
      } catch (error) {
        deps.log(`telegram: could not answer a button press (${(error as Error).message}); the decision stands and its message is edited`);
      }
    };
    const refuse = async (reason: 'forged' | 'forbidden', detail: string, text: string, proposalId?: string): Promise<void> => {
      await deps.service.recordRefusal({ at: now.toISOString(), reason, actorId: actor.id, channel: 'telegram', detail, ...(proposalId ? { proposalId } : {}) });
      await answer(text, true);
    };
    const payload = verifyCallback(deps.config.secret, ctx.callbackQuery.data);
    if (payload === undefined) return refuse('forged', 'callback data failed verification', 'This button is not valid; nothing was done.');
    if (role !== 'approver') return refuse('forbidden', `viewer pressed ${payload.op}`, 'You can view proposals but not decide them.', payload.target);
    const messageId = ctx.callbackQuery.message?.message_id;
    const runRecords = (): ProposalRecord[] => deps.store.proposalRecords().filter((r) => r.runId === payload.target);
    if (payload.op === 'A' || payload.op === 'R') return askAll(deps, ctx, payload, answer);
    if (payload.op === 'X') {
      await answer('Cancelled: nothing was decided.', false);
      return refreshMessages(ctx.api, deps.store, runRecords().filter((r) => r.telegram?.messageId === messageId), deps.config, now);
    }
    let outcomes: BatchOutcome[];
    try {
      outcomes = payload.op === 'a' || payload.op === 'r' ? [{ id: payload.target, kind: 'result', result: await decideOne(deps, payload, ctx, messageId) }] : await decideRun(deps, payload, ctx);
    } catch (error) {
      if (error instanceof ApprovalError) return answer(error.message, true);
      if (!(error instanceof AccountingInvariantError)) throw error;
      outcomes = [{ id: payload.target, kind: 'stopped', error }];
    }
    const stopped = outcomes.find((o) => o.kind === 'stopped');
    if (stopped !== undefined) {
      deps.log(`ACCOUNTING INVARIANT VIOLATED executing ${stopped.id}: ${stopped.error.message}`);
      await answer('⛔ Accounting invariant violated: execution stopped and the bot is paused.', true);
    } else {
      const refused = outcomes.flatMap((o) => (o.kind === 'refused' ? [o.error.message] : []));
      await answer([...refused, summary(outcomes)].filter((t) => t !== '').join(' · '), refused.length > 0);
    }
    const records = outcomes.flatMap((o) => (o.kind === 'result' ? [o.result.record] : deps.store.proposalRecord(o.id) ?? []));
    await refreshMessages(ctx.api, deps.store, records, deps.config, deps.now());
  });
  return composer;
}

/**
 * "Approve all" / "Reject all" tapped: asks the approval service what would be decided (a stale button is refused as
 * replayed) and swaps the message's buttons for the confirmation; decides nothing. With nothing pending it says so
 * and re-renders the run's messages.
 */
async function askAll(deps: TelegramDeps, ctx: BallastContext, payload: CallbackPayload, answer: (text: string, alert: boolean) => Promise<void>): Promise<void> {
  const decision = payload.op === 'A' ? 'approve' : 'reject';
  const now = deps.now();
  let pending: ProposalRecord[];
  try {
    pending = await deps.service.pendingInScope(decision, { runId: payload.target, nonce: payload.nonce }, ctx.ballast!.actor, now);
  } catch (error) {
    if (error instanceof ApprovalError) return answer(error.message, true);
    throw error;
  }
  if (pending.length === 0) {
    await answer(`Nothing is pending in ${payload.target}.`, false);
    return refreshMessages(ctx.api, deps.store, deps.store.proposalRecords().filter((r) => r.runId === payload.target), deps.config, now);
  }
  const currency = deps.store.account(pending[0]!.accountId)?.baseCurrency ?? '';
  await answer(describeApproveAll(decision, payload.target, pending, currency), false);
  try {
    await ctx.editMessageReplyMarkup({ reply_markup: confirmAllKeyboard(decision, payload.target, payload.nonce, pending.length, deps.config.secret) });
  } catch (error) {
    if (!(error instanceof GrammyError && /message is not modified/.test(error.description))) throw error;
  }
}

async function decideOne(deps: TelegramDeps, payload: CallbackPayload, ctx: BallastContext, messageId: number | undefined): Promise<DecisionResult> {
  const context = { nonce: payload.nonce, ...(messageId === undefined ? {} : { messageId }) };
  const actor = ctx.ballast!.actor;
  return payload.op === 'a'
    ? deps.service.approve(payload.target, actor, deps.now(), context)
    : deps.service.reject(payload.target, actor, deps.now(), context);
}

/** The confirmed Approve all / Reject all of a run through the approval service; when nothing was pending, what each proposal came to. */
async function decideRun(deps: TelegramDeps, payload: CallbackPayload, ctx: BallastContext): Promise<BatchOutcome[]> {
  const outcomes = await deps.service.decideAll(payload.op === 'Y' ? 'approve' : 'reject', { runId: payload.target, nonce: payload.nonce }, ctx.ballast!.actor, deps.now());
  if (outcomes.length > 0) return outcomes;
  return deps.store.proposalRecords().filter((r) => r.runId === payload.target).map((record) => ({ id: record.proposal.id, kind: 'result', result: { result: 'already_decided', record } }));
}

function summary(outcomes: readonly BatchOutcome[]): string {
  return outcomes
    .flatMap((o) => (o.kind === 'result' ? [o.result] : []))
    .map(({ result, record }) => `${record.proposal.symbol}: ${result === 'already_decided' ? 'already ' : ''}${statusWord(record)}`)
    .join(' · ');
}

function statusWord(record: ProposalRecord): string {
  if (record.status === 'executed') return `executed @ ${record.execution!.fill.price.toFixed(2)}`;
  if (record.status === 'stale' || record.status === 'failed') return `${record.status} (${record.outcome?.code ?? ''})`;
  return record.status;
}
