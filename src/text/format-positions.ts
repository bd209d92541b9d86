import type { Valuation } from '../portfolio/mark-to-market.js';
import { money, pct, shares } from './numbers.js';
import { byDirection, PLAIN, type Paint } from './paint.js';
import { textTable } from './text-table.js';

/**
 * An account's valuation for people: a heading (account, where the marks come from, equity), a table with a header
 * row and one row per position (shares, average cost, mark, market value, unrealized P&L in money and percent,
 * weight), then cash and the P&L totals (realized, unrealized, total, commissions paid), all in base currency.
 * `marksAsOf` says where the marks come from (`prices as of 2001-01-02`). Negative figures carry the one minus sign.
 */
export function formatPositions(accountId: string, currency: string, valuation: Valuation, marksAsOf: string, paint: Paint = PLAIN): string {
  const lines = [paint.heading(`account ${accountId} · ${marksAsOf} · equity ${money(valuation.equity)} ${currency}`)];
  const pnl = valuation.positions.map((p) => p.unrealizedPnl);
  const rows = valuation.positions.map((p) => [
    p.symbol,
    shares(p.quantity),
    money(p.averageCost),
    money(p.price),
    money(p.marketValue),
    money(p.unrealizedPnl),
    `${pct(p.unrealizedPnlPct)}%`,
    `${pct(p.weightPct)}%`,
  ]);
  if (rows.length === 0) {
    lines.push('  no positions');
  } else {
    const header = ['symbol', 'shares', 'avg cost', 'price', `value ${currency}`, `P&L ${currency}`, 'P&L %', 'weight'];
    lines.push(...textTable(header, rows, { right: new Set([1, 2, 3, 4, 5, 6, 7]), indent: 2, paint, style: (cell, row, column) => (column === 5 || column === 6 ? byDirection(paint, pnl[row]!, cell) : cell) }));
  }
  const signedMoney = (value: number): string => byDirection(paint, value, money(value));
  lines.push(`  cash ${money(valuation.cash)} · realized P&L ${signedMoney(valuation.realizedPnl)} · unrealized ${signedMoney(valuation.unrealizedPnl)} · total ${signedMoney(valuation.totalPnl)} · commissions ${money(valuation.commissionsPaid)}`);
  return lines.join('\n');
}
