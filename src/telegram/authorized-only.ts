import type { MiddlewareFn } from 'grammy';
import { RefusalThrottle } from './refusal-throttle.js';
import type { BallastContext, TelegramDeps } from './telegram-deps.js';

/** How long one stranger is answered only once, by default (ms). */
export const FLOOD_WINDOW_MS = 60_000;

/**
 * The one guard (freqtrade's `authorized_only`): updates from users not on the allowlist are refused and stored
 * as `unauthorized` refusals (a pressed button is answered, a command gets a reply with the user's id so an admin
 * can add it); allowlisted users continue with `ctx.ballast` set to their role and actor (`telegram:<user id>`).
 * A stranger is answered and stored once per `deps.floodWindowMs` (default {@link FLOOD_WINDOW_MS}); the rest of a
 * flood is stored as one refusal with its `count` when the window ends (see {@link RefusalThrottle}).
 */
export function authorizedOnly(deps: TelegramDeps): MiddlewareFn<BallastContext> {
  const throttle = new RefusalThrottle(deps.floodWindowMs ?? FLOOD_WINDOW_MS, (actorId, count, windowMs) => {
    void deps.service.recordRefusal({
      at: deps.now().toISOString(), reason: 'unauthorized', actorId, channel: 'telegram', count,
      detail: `${count} more updates refused within ${Math.round(windowMs / 1000)} s of the first, not answered`,
    }).catch((error: unknown) => deps.log(`telegram: could not store refusals of ${actorId}: ${(error as Error).message}`));
  });
  return async (ctx, next) => {
    const from = ctx.from;
    const role = from === undefined ? undefined : deps.config.users.get(from.id);
    if (from === undefined || role === undefined) {
      const actorId = `telegram:${from?.id ?? 'unknown'}`;
      if (!throttle.admit(actorId)) return;
      await deps.service.recordRefusal({
        at: deps.now().toISOString(),
        reason: 'unauthorized',
        actorId,
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
