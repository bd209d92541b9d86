import { money, shares } from '../../text/numbers.js';
import type { ReplayFill } from '../replay-result.js';
import { escapeHtml } from './escape-html.js';

/** Rows written into the report's trades list; past it the list says how many more `trades.csv` holds. */
export const TRADES_SHOWN = 2_000;

/** Lists that fit on a screen are shown open; longer ones start folded so the charts stay in view. */
const OPEN_UP_TO = 50;

/**
 * The report's trades list: one row per fill (fill date, decision date, symbol, side, quantity, price, notional,
 * commission, realized P&L, rule, reason), in a collapsible, scrollable section with a sticky header. Beyond
 * {@link TRADES_SHOWN} rows it shows the first ones and a note pointing at `trades.csv`. Every text is escaped.
 */
export function tradesTableHtml(fills: readonly ReplayFill[], currency: string): string {
  if (fills.length === 0) return '<p class="note">The policy made no trade over this period.</p>';
  const shown = fills.slice(0, TRADES_SHOWN);
  const rows = shown.map(
    (f) =>
      `<tr><td class="date">${f.date}</td><td class="date">${f.decidedOn}</td><td>${escapeHtml(f.symbol)}</td><td>${f.side}</td>` +
      `<td class="num">${shares(f.quantity)}</td><td class="num">${money(f.price)}</td><td class="num">${money(f.notional)}</td>` +
      `<td class="num">${money(f.commission)}</td><td class="num">${f.side === 'sell' ? money(f.realizedPnl) : ''}</td>` +
      `<td>${escapeHtml(f.ruleId)}</td><td class="reason">${escapeHtml(f.reason)}</td></tr>`,
  );
  const note =
    fills.length > shown.length
      ? `<p class="note">Showing the first ${shown.length.toLocaleString('en-US')} of ${fills.length.toLocaleString('en-US')} trades; <code>trades.csv</code> beside this report has all of them.</p>`
      : '';
  const summary = `Trades (${fills.length.toLocaleString('en-US')})`;
  return (
    `<details${fills.length <= OPEN_UP_TO ? ' open' : ''} id="trades"><summary>${summary}</summary>${note}<div class="scroll"><table class="trades">` +
    `<thead><tr><th>date</th><th>decided</th><th>symbol</th><th>side</th><th class="num">quantity</th><th class="num">price</th>` +
    `<th class="num">notional ${escapeHtml(currency)}</th><th class="num">commission</th><th class="num">realized P&amp;L</th><th>rule</th><th>reason</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table></div></details>`
  );
}
