import { Composer } from 'grammy';
import { describeStatus, describeTrade } from '../text/describe-record.js';
import { formatPositions } from '../text/format-positions.js';
import { formatScheduleRows } from '../text/format-schedule-rows.js';
import { localTime } from '../text/local-time.js';
import { marks } from '../portfolio/marks.js';
import { markToMarket } from '../portfolio/mark-to-market.js';
import { strategyOverview } from '../run/strategy-overview.js';
import { formatStrategyOverviewShort } from '../text/format-strategy-overview.js';
import type { HtmlBlock } from '../text/pack-html.js';
import { sendHtml } from './reply-html.js';
import type { BallastContext, TelegramDeps } from './telegram-deps.js';

/** The bot's commands with their descriptions, as registered with `setMyCommands`. */
export const BOT_COMMANDS = [
  { command: 'status', description: 'bots, pending proposals, paused or running' },
  { command: 'pending', description: 'proposals waiting for a decision' },
  { command: 'positions', description: 'paper accounts: positions, cash, P&L' },
  { command: 'history', description: 'the last 10 decisions' },
  { command: 'next', description: 'last and next scheduled run of every policy' },
  { command: 'strategies', description: 'strategies: allocation, last and next rebalance, sleeve P&L' },
  { command: 'policy', description: 'the policies in force: thresholds, limits, revision (/policy <policy id>)' },
  { command: 'report', description: 'equity chart of a paper account (/report <policy id>)' },
  { command: 'pause', description: 'pause execution (all bots, or /pause <policy id>)' },
  { command: 'resume', description: 'resume execution (all bots, or /resume <policy id>)' },
  { command: 'help', description: 'what each command does' },
] as const;

/**
 * /status, /pending, /positions, /history, /next, /strategies (anyone allowlisted) and /pause, /resume (approvers): read from the
 * store or the schedules, format, reply in HTML (text escaped, the positions table in `<pre>`, split under 4,096
 * characters), times in the approvers' zone. Runs after `authorizedOnly`.
 */
export function commandComposer(deps: TelegramDeps): Composer<BallastContext> {
  const composer = new Composer<BallastContext>();
  const time = (iso: string): string => localTime(iso, deps.config.timeZone);
  const policies = async (): Promise<string[]> => [...new Set((await deps.store.runSummaries()).map((r) => r.policy.policyId))].sort();

  composer.command(['help', 'start'], (ctx) =>
    reply(ctx, ['Ballast: approve or reject proposals with the buttons under each batch.', ...BOT_COMMANDS.map((c) => `/${c.command} — ${c.description}`), `You are ${ctx.ballast!.role === 'approver' ? 'an approver' : 'a viewer'}.`].join('\n')),
  );

  composer.command('status', async (ctx) => {
    const now = deps.now();
    const lines = await Promise.all((await policies()).map(async (policyId) => {
      const pending = deps.store.proposalRecords({ policyId, openAt: now }).length;
      const pause = deps.store.pauseOf(policyId);
      const [last] = await deps.store.runSummaries({ policyId, limit: 1 });
      return `${policyId}: ${pause ? `PAUSED (${pause.reason}, ${time(pause.at)})` : 'running'} · ${pending} pending · last run ${last?.id ?? '—'}`;
    }));
    return reply(ctx, lines.length > 0 ? lines.join('\n') : 'No runs yet.');
  });

  composer.command('pending', (ctx) => {
    const pending = deps.store.proposalRecords({ openAt: deps.now() });
    return reply(ctx, pending.length === 0 ? 'No proposals pending.' : pending.map((r) => `${r.policyId} ${r.proposal.id}\n  ${describeTrade(r)}\n  ${describeStatus(r, time)}`).join('\n'));
  });

  composer.command('history', (ctx) => {
    const decided = deps.store.proposalRecords().filter((r) => r.decision !== undefined).sort((a, b) => a.decision!.at.localeCompare(b.decision!.at)).slice(-10);
    return reply(ctx, decided.length === 0 ? 'No decisions yet.' : decided.map((r) => `${r.policyId} ${r.proposal.id} ${r.proposal.symbol}: ${describeStatus(r, time)}`).join('\n'));
  });

  composer.command('next', async (ctx) => reply(ctx, formatScheduleRows(await deps.nextRuns(), deps.config.timeZone)));

  composer.command('strategies', async (ctx) => {
    const overviews = await strategyOverview(deps.store, ctx.match.trim() || undefined);
    return reply(ctx, overviews.length > 0 ? overviews.map(formatStrategyOverviewShort).join('\n\n') : 'No strategies recorded yet.');
  });

  composer.command('positions', (ctx) => {
    const now = deps.now();
    const text = deps.store.accountIds().map((id): HtmlBlock => {
      const state = deps.store.account(id)!;
      return { pre: formatPositions(id, state.baseCurrency, markToMarket(state, marks(state, (s) => deps.quotes(s, now))), 'latest prices') };
    });
    return reply(ctx, text.length > 0 ? text : 'No paper accounts yet.');
  });

  for (const [command, paused] of [['pause', true], ['resume', false]] as const) {
    composer.command(command, async (ctx) => {
      if (ctx.ballast!.role !== 'approver') {
        await deps.service.recordRefusal({ at: deps.now().toISOString(), reason: 'forbidden', actorId: ctx.ballast!.actor.id, channel: 'telegram', detail: `/${command}` });
        return reply(ctx, `Only approvers can /${command}.`);
      }
      const named = ctx.match.trim();
      const targets = named ? [named] : await policies();
      for (const policyId of targets) await deps.service.setPaused(policyId, paused, ctx.ballast!.actor, deps.now());
      return reply(ctx, `${paused ? 'Paused' : 'Resumed'}: ${targets.join(', ') || 'no bots yet'}.${paused ? ' Approvals are refused until /resume.' : ''}`);
    });
  }
  return composer;
}

/** Replies to the command: plain `text` escaped, or HTML blocks; split into messages under 4,096 characters. */
async function reply(ctx: BallastContext, content: string | readonly HtmlBlock[]): Promise<void> {
  await sendHtml((text, options) => ctx.reply(text, options), content);
}
