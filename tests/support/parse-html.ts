import type { MessageEntity } from 'grammy/types';
import { badRequest } from './bot-api-errors.js';

/** A message text as Telegram stores it after `parse_mode: 'HTML'`: the plain text and its entities. */
export interface ParsedHtml {
  readonly text: string;
  readonly entities: MessageEntity[];
}

/** Tags Telegram's HTML style supports (core.telegram.org/bots/api#html-style), by the entity each makes. */
const TAGS: Readonly<Record<string, MessageEntity['type']>> = {
  b: 'bold', strong: 'bold', i: 'italic', em: 'italic', u: 'underline', ins: 'underline',
  s: 'strikethrough', strike: 'strikethrough', del: 'strikethrough', 'tg-spoiler': 'spoiler', span: 'spoiler',
  a: 'text_link', code: 'code', pre: 'pre', blockquote: 'blockquote', 'tg-emoji': 'custom_emoji',
};

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"' };
const TAG = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[A-Za-z-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))*)\s*>/;

/**
 * Parses a text sent with `parse_mode: 'HTML'` as Telegram does: supported tags become entities (offsets and lengths
 * in UTF-16 code units), `&lt;` `&gt;` `&amp;` `&quot;` and numeric entities become characters, and anything else
 * Telegram refuses is a 400 "can't parse entities: …" naming the byte offset: a `<` that opens no supported tag (an
 * unescaped `<` in a reason), an end tag that does not match, a tag left open. A `<code>` inside `<pre>` makes no
 * entity of its own (Telegram reads it as the pre's language); empty tags make none either.
 */
export function parseHtml(html: string): ParsedHtml {
  let text = '';
  const entities: MessageEntity[] = [];
  const open: { tag: string; offset: number; attributes: string }[] = [];
  const fail = (message: string, at: number): never => {
    throw badRequest(`can't parse entities: ${message} at byte offset ${Buffer.byteLength(html.slice(0, at))}`);
  };
  for (let i = 0; i < html.length; ) {
    const c = html[i]!;
    if (c === '<') {
      const match = TAG.exec(html.slice(i));
      if (match === null) fail(`Unsupported start tag "${/^<\/?([^\s>]*)/.exec(html.slice(i))?.[1] ?? ''}"`, i);
      const [whole, closing, rawName, attributes] = match!;
      const tag = rawName!.toLowerCase();
      if (closing === '') {
        if (TAGS[tag] === undefined) fail(`Unsupported start tag "${tag}"`, i);
        open.push({ tag, offset: text.length, attributes: attributes ?? '' });
      } else {
        const top = open.pop();
        if (top === undefined || top.tag !== tag) fail(`Unmatched end tag "${tag}"${top ? `, expected "</${top.tag}>"` : ''}`, i);
        const entity = toEntity(top!, text.length, open.at(-1));
        if (entity !== undefined) entities.push(entity);
      }
      i += whole.length;
    } else if (c === '&') {
      const entity = /^&(?:([a-z]+)|#(\d+)|#x([0-9a-fA-F]+));/.exec(html.slice(i));
      const named = entity?.[1] === undefined ? undefined : ENTITIES[entity[1]];
      const code = entity?.[2] !== undefined ? Number(entity[2]) : entity?.[3] !== undefined ? parseInt(entity[3], 16) : undefined;
      if (named !== undefined || code !== undefined) {
        text += named ?? String.fromCodePoint(code!);
        i += entity![0].length;
      } else {
        text += c;
        i += 1;
      }
    } else {
      text += c;
      i += 1;
    }
  }
  if (open.length > 0) fail(`Can't find end tag corresponding to start tag "${open.at(-1)!.tag}"`, html.length);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities };
}

function toEntity(tag: { tag: string; offset: number; attributes: string }, end: number, parent: { tag: string; attributes: string } | undefined): MessageEntity | undefined {
  const type = TAGS[tag.tag]!;
  const span = { offset: tag.offset, length: end - tag.offset };
  if (span.length === 0) return undefined;
  if (type === 'code' && parent?.tag === 'pre') return undefined;
  if (type === 'pre') return { type, ...span };
  if (type === 'text_link') return { type, ...span, url: /href\s*=\s*"([^"]*)"/.exec(tag.attributes)?.[1] ?? '' };
  if (type === 'custom_emoji') return { type, ...span, custom_emoji_id: /emoji-id\s*=\s*"([^"]*)"/.exec(tag.attributes)?.[1] ?? '' };
  return { type, ...span } as MessageEntity;
}
