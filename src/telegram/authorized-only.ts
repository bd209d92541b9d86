import type { MiddlewareFn } from 'grammy';
import type { BallastContext, TelegramDeps } from './telegram-deps.js';

/**
 * The one guard (freqtrade's `authorized_only`): updates from users not on the allowlist are refused and stored
 * as `unauthorized` refusals (a pressed button is answered, a command gets a reply with the user's id so an admin
 * can add it); allowlisted users continue with `ctx.ballast` set to their role and actor (`telegram:<user id>`).
 */
export function authorizedOnly(deps: TelegramDeps): MiddlewareFn<BallastContext> {
  return async (ctx, next) => {
    const from = ctx.from;
    const role = from === undefined ? undefined : deps.config.users.get(from.id);
    if (from === undefined || role === undefined) {
      await deps.service.recordRefusal({
        at: deps.now().toISOString(),
        reason: 'unauthorized',
        actorId: `telegram:${from?.id ?? 'unknown'}`,
        channel: 'telegram',
        detail: ctx.callbackQuery?.data !== undefined ? `button ${ctx.callbackQuery.data.split(':').slice(0, 2).join(':')}` : `update ${ctx.update.update_id}`,
      });
      if (ctx.callbackQuery !== undefined) await ctx.answerCallbackQuery({ text: 'You are not authorized to act on Ballast proposals.', show_alert: true });
      else if (ctx.message !== undefined) await ctx.reply(`Not authorized. Your Telegram user id is ${from?.id ?? 'unknown'}; ask the operator to add it.`);
      return;
    }
    ctx.ballast = { role, actor: { id: `telegram:${from.id}`, name: from.username ? `@${from.username}` : from.first_name, channel: 'telegram' } };
    await next();
  };
}
