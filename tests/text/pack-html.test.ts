import { describe, expect, it } from 'vitest';
import { packHtml } from '../../src/text/pack-html.js';
import { parseHtml } from '../support/parse-html.js';

describe('packHtml', () => {
  it('should split a long <pre> table into valid messages under the limit, every row once, in order', () => {
    const rows = Array.from({ length: 400 }, (_, i) => `S${i} <${'x'.repeat(i % 30)}> & ${i}`);
    const messages = packHtml([{ html: '<b>Positions</b> of A &amp; B' }, { pre: rows.join('\n') }, { html: 'end' }], 4096);
    expect(messages.length).toBeGreaterThan(3);
    const texts = messages.map((m) => {
      expect(m.length).toBeLessThanOrEqual(4096);
      return parseHtml(m);
    });
    const pre = texts.flatMap((t) => t.entities.filter((e) => e.type === 'pre').map((e) => t.text.slice(e.offset, e.offset + e.length)));
    expect(pre.join('\n').split('\n')).toEqual(rows);
    expect(texts[0]!.text.startsWith('Positions of A & B\n\nS0 <> & 0')).toBe(true);
    expect(texts.at(-1)!.text.endsWith('\n\nend')).toBe(true);
  });

  it('should keep short blocks together in one message', () => {
    expect(packHtml([{ html: 'a' }, { pre: 'b  1' }], 4096)).toEqual(['a\n\n<pre>b  1</pre>']);
  });
});
