import { packHtml, type HtmlBlock } from '../text/pack-html.js';
import { MESSAGE_MAX_CHARS } from '../text/telegram-batch.js';
import { escapeHtml } from '../text/telegram-html.js';

/** One Telegram send: `ctx.reply` for a command's answer, `api.sendMessage(chat, …)` for a notice. */
export type SendMessage = (text: string, options: { readonly parse_mode: 'HTML' }) => Promise<unknown>;

/**
 * Sends `content` with `parse_mode: 'HTML'` through `send`, packed into as few messages under 4,096 characters as
 * it takes ({@link packHtml}: a `<pre>` table is split into several `<pre>` blocks, never cut inside a tag). A string
 * is plain text: it is escaped first.
 */
export async function sendHtml(send: SendMessage, content: string | readonly HtmlBlock[]): Promise<void> {
  const blocks = typeof content === 'string' ? [{ html: escapeHtml(content) }] : content;
  for (const message of packHtml(blocks, MESSAGE_MAX_CHARS)) await send(message, { parse_mode: 'HTML' });
}
