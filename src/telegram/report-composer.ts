import { Composer, InputFile } from 'grammy';
import { equityHistoryPng } from '../charts/equity-history-png.js';
import { formatEquityCaption } from '../text/format-equity-caption.js';
import type { BallastContext, TelegramDeps } from './telegram-deps.js';

/**
 * `/report [policy]` (anyone allowlisted): a picture of a paper account's equity since it started, with its drawdown,
 * for the named policy's account (a paper account id works too), or one per account without an argument. An account
 * with fewer than two valuations gets a line saying when its chart starts instead. Runs after `authorizedOnly`.
 */
export function reportComposer(deps: TelegramDeps): Composer<BallastContext> {
  const composer = new Composer<BallastContext>();
  composer.command('report', async (ctx) => {
    const policiesOf = new Map<string, string[]>();
    const accountOf = new Map<string, string>();
    for (const run of await deps.store.runSummaries()) {
      accountOf.set(run.policy.policyId, run.accountId);
      const policies = policiesOf.get(run.accountId) ?? [];
      if (!policies.includes(run.policy.policyId)) policiesOf.set(run.accountId, [...policies, run.policy.policyId]);
    }
    const named = ctx.match.trim();
    const known = deps.store.accountIds();
    const accounts = named === '' ? known : [accountOf.get(named) ?? (known.includes(named) ? named : undefined)].filter((a) => a !== undefined);
    if (accounts.length === 0) {
      const choices = [...accountOf.keys()].sort();
      return ctx.reply(named === '' || choices.length === 0 ? 'No paper accounts yet: run a policy first.' : `No policy or paper account "${named}". Try /report ${choices.join(', /report ')}.`);
    }
    for (const accountId of accounts) {
      const points = await deps.store.equityHistory(accountId);
      if (points.length < 2) {
        await ctx.reply(`${accountId}: ${points.length === 0 ? 'no valuation' : 'one valuation'} yet. Equity is recorded with every run and execution; the chart starts with the next one.`);
        continue;
      }
      const currency = deps.store.account(accountId)?.baseCurrency ?? '';
      const png = await equityHistoryPng(`${accountId} equity (${currency}) since ${points[0]!.at.slice(0, 10)}`, points);
      const caption = formatEquityCaption({ accountId, policyIds: policiesOf.get(accountId) ?? [], currency, points });
      await ctx.replyWithPhoto(new InputFile(png, `${accountId}-equity.png`), { caption });
    }
  });
  return composer;
}
