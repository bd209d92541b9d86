import { escapeHtml } from './telegram-html.js';
import { splitText } from './split-text.js';

/**
 * A piece of a Telegram HTML message: `html` (already escaped; every line closes the tags it opens, so the block may
 * be split at any line break) or `pre` (plain text shown preformatted: a table, split into several `<pre>` blocks
 * when it does not fit one message).
 */
export type HtmlBlock = { readonly html: string } | { readonly pre: string };

/**
 * Packs blocks, in order and separated by a blank line, into as few messages as fit `maxChars` each (Telegram's
 * 4,096). Lengths are counted on the HTML source, tags and entities included, which is never less than what Telegram
 * counts after parsing, so a message never comes back "too long". A block too long for one message is split at line
 * breaks; a `pre` block is closed and reopened around the split so every message is valid HTML on its own.
 */
export function packHtml(blocks: readonly HtmlBlock[], maxChars: number): string[] {
  const pieces = blocks.flatMap((block) => ('pre' in block ? preParts(block.pre, maxChars) : splitText(block.html, maxChars)));
  const messages: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (current !== '' && current.length + 2 + piece.length > maxChars) {
      messages.push(current);
      current = '';
    }
    current = current === '' ? piece : `${current}\n\n${piece}`;
  }
  if (current !== '') messages.push(current);
  return messages;
}

const PRE_TAGS = '<pre></pre>'.length;

function preParts(text: string, maxChars: number): string[] {
  return splitText(escapeHtml(text), maxChars - PRE_TAGS).map((part) => `<pre>${part}</pre>`);
}
