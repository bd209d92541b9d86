import { describe, expect, it } from 'vitest';
import { TRADES_SHOWN, tradesTableHtml } from '../../../src/replay/report/trades-table-html.js';
import { fill } from '../../support/synthetic-replay.js';

const rows = (html: string) => html.match(/<tr><td class="date">/g)?.length ?? 0;

describe('tradesTableHtml', () => {
  it('should list a short list in full, unfolded', () => {
    const html = tradesTableHtml([fill(), fill({ side: 'sell', realizedPnl: 12.5 })], 'USD');
    expect(rows(html)).toBe(2);
    expect(html).toContain('<details open id="trades"><summary>Trades (2)</summary>');
    expect(html).toContain('<td class="num">12.50</td>');
  });

  it('should fold a long list and cap it with a note pointing at trades.csv', () => {
    const fills = Array.from({ length: 2_500 }, () => fill());
    const html = tradesTableHtml(fills, 'USD');
    expect(rows(html)).toBe(TRADES_SHOWN);
    expect(html).toContain('<details id="trades"><summary>Trades (2,500)</summary>');
    expect(html).toContain('Showing the first 2,000 of 2,500 trades; <code>trades.csv</code> beside this report has all of them.');
  });
});
