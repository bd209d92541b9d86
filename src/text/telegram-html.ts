/**
 * Escapes text for Telegram's HTML parse mode: `&`, `<` and `>` become `&amp;`, `&lt;` and `&gt;` (and `"` becomes
 * `&quot;`, so the result is also safe inside an attribute). Every piece of text Ballast did not write itself (policy
 * names, reasons, symbols, file names, error messages) goes through this before it is put in a message, else a `<`
 * in a reason makes Telegram refuse the whole message ("can't parse entities").
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

/**
 * {@link escapeHtml} of `text` cut (with `…`) so the escaped result has at most `maxChars` characters: never cuts
 * inside an entity, so the result stays valid HTML.
 */
export function escapeHtmlWithin(text: string, maxChars: number): string {
  let escaped = escapeHtml(text);
  for (let kept = text.length; escaped.length > maxChars; ) {
    kept -= Math.max(1, escaped.length - maxChars + 1);
    escaped = `${escapeHtml(text.slice(0, Math.max(0, kept)))}…`;
  }
  return escaped;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** `text` escaped and in bold. */
export function bold(text: string): string {
  return `<b>${escapeHtml(text)}</b>`;
}

/** `text` escaped in monospace (`<code>`): an id a trader can tap to copy. */
export function code(text: string): string {
  return `<code>${escapeHtml(text)}</code>`;
}

/** Preformatted `text` (escaped, in `<pre>`): a table whose columns a phone shows aligned and does not wrap. */
export function pre(text: string): string {
  return `<pre>${escapeHtml(text)}</pre>`;
}
