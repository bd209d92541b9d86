import { Composer } from 'grammy';
import { AccountingInvariantError, ApprovalError } from '../errors.js';
import type { DecisionResult } from '../approval/approval-service.js';
import type { ProposalRecord } from '../approval/proposal-record.js';
import { verifyCallback, type CallbackPayload } from './callback-data.js';
import { refreshMessages } from './refresh-messages.js';
import type { BallastContext, TelegramDeps } from './telegram-deps.js';

/**
 * Approve / Reject buttons: verifies the signed callback data (forged → refused and stored), checks the role
 * (viewers → refused and stored), calls the approval service with the button's nonce and message id (so a button
 * of an older record or message is refused as replayed), answers the press, and edits the message(s) to show who
 * decided what and when. Runs after `authorizedOnly`.
 */
export function approvalComposer(deps: TelegramDeps): Composer<BallastContext> {
  const composer = new Composer<BallastContext>();
  composer.on('callback_query:data', async (ctx) => {
    const { role, actor } = ctx.ballast!;
    const now = deps.now();
    const refuse = async (reason: 'forged' | 'forbidden', detail: string, text: string, proposalId?: string): Promise<void> => {
      await deps.service.recordRefusal({ at: now.toISOString(), reason, actorId: actor.id, channel: 'telegram', detail, ...(proposalId ? { proposalId } : {}) });
      await ctx.answerCallbackQuery({ text, show_alert: true });
    };
    const payload = verifyCallback(deps.config.secret, ctx.callbackQuery.data);
    if (payload === undefined) return refuse('forged', 'callback data failed verification', 'This button is not valid; nothing was done.');
    if (role !== 'approver') return refuse('forbidden', `viewer pressed ${payload.op}`, 'You can view proposals but not decide them.', payload.target);
    const messageId = ctx.callbackQuery.message?.message_id;
    let results: DecisionResult[];
    try {
      results = payload.op === 'a' || payload.op === 'r' ? [await decideOne(deps, payload, ctx, messageId)] : await decideRun(deps, payload, ctx);
    } catch (error) {
      if (error instanceof ApprovalError) return void (await ctx.answerCallbackQuery({ text: error.message.slice(0, 200), show_alert: true }));
      if (error instanceof AccountingInvariantError) {
        deps.log(`ACCOUNTING INVARIANT VIOLATED executing ${payload.target}: ${error.message}`);
        await ctx.answerCallbackQuery({ text: '⛔ Accounting invariant violated: execution stopped and the bot is paused.', show_alert: true });
        const record = deps.store.proposalRecord(payload.target);
        if (record) await refreshMessages(ctx.api, deps.store, [record], deps.config.secret);
        return;
      }
      throw error;
    }
    await ctx.answerCallbackQuery({ text: summary(results).slice(0, 200) });
    await refreshMessages(ctx.api, deps.store, results.map((r) => r.record), deps.config.secret);
  });
  return composer;
}

async function decideOne(deps: TelegramDeps, payload: CallbackPayload, ctx: BallastContext, messageId: number | undefined): Promise<DecisionResult> {
  const context = { nonce: payload.nonce, ...(messageId === undefined ? {} : { messageId }) };
  const actor = ctx.ballast!.actor;
  return payload.op === 'a'
    ? deps.service.approve(payload.target, actor, deps.now(), context)
    : deps.service.reject(payload.target, actor, deps.now(), context);
}

async function decideRun(deps: TelegramDeps, payload: CallbackPayload, ctx: BallastContext): Promise<DecisionResult[]> {
  const records = deps.store.proposalRecords().filter((r) => r.runId === payload.target);
  const actor = ctx.ballast!.actor;
  if (records[0]?.nonce !== payload.nonce) {
    await deps.service.recordRefusal({ at: deps.now().toISOString(), reason: 'replayed', actorId: actor.id, channel: 'telegram', detail: `${payload.op} for ${payload.target}: nonce is not the run's` });
    throw new ApprovalError('REPLAYED', 'This button belongs to another batch.', 'Use the latest message or `ballast pending`.');
  }
  const results: DecisionResult[] = [];
  for (const record of records.filter((r) => r.status === 'pending')) {
    const context = { nonce: record.nonce };
    results.push(payload.op === 'A' ? await deps.service.approve(record.proposal.id, actor, deps.now(), context) : await deps.service.reject(record.proposal.id, actor, deps.now(), context));
  }
  if (results.length === 0) {
    return records.map((record): DecisionResult => ({ result: 'already_decided', record }));
  }
  return results;
}

function summary(results: readonly DecisionResult[]): string {
  return results.map(({ result, record }) => `${record.proposal.symbol}: ${result === 'already_decided' ? 'already ' : ''}${statusWord(record)}`).join(' · ');
}

function statusWord(record: ProposalRecord): string {
  if (record.status === 'executed') return `executed @ ${record.execution!.fill.price.toFixed(2)}`;
  if (record.status === 'stale' || record.status === 'failed') return `${record.status} (${record.outcome?.code ?? ''})`;
  return record.status;
}
