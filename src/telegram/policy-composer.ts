import { Composer } from 'grammy';
import { formatPolicySummary } from '../text/format-policy-summary.js';
import { sendHtml } from './reply-html.js';
import type { BallastContext, TelegramDeps } from './telegram-deps.js';

/**
 * `/policy [policy id]` (anyone allowlisted): the effective policy in force (defaults included) of every policy, or of
 * the one named, with its file, git revision and content hash ({@link formatPolicySummary}), so a trader can see on
 * the phone which rules and limits produced the proposals in front of them. An unknown id is answered with the ids
 * there are. Runs after `authorizedOnly`, which refuses strangers.
 */
export function policyComposer(deps: TelegramDeps): Composer<BallastContext> {
  const composer = new Composer<BallastContext>();
  composer.command('policy', async (ctx) => {
    const send = (content: Parameters<typeof sendHtml>[1]): Promise<void> => sendHtml((text, options) => ctx.reply(text, options), content);
    const active = await deps.policiesInForce();
    const named = ctx.match.trim();
    const shown = named === '' ? active : active.filter((a) => a.policy.id === named);
    if (shown.length === 0) {
      const ids = active.map((a) => a.policy.id).sort();
      return send(ids.length === 0 ? 'No valid policy in force: check policies/ with `ballast check`.' : `No policy "${named}" in force. Try ${ids.map((id) => `/policy ${id}`).join(', ')}.`);
    }
    for (const { policy, loaded, schedules } of shown) await send(formatPolicySummary({ policy, revision: loaded.revision, schedules }));
  });
  return composer;
}
