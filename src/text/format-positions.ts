import { money, pct, shares } from './numbers.js';
import type { Valuation } from '../portfolio/mark-to-market.js';

/**
 * An account's valuation for people: one line per position (quantity, average cost, mark, market value,
 * unrealized P&L and weight), then cash, equity and P&L (realized, unrealized, total, commissions paid), all in
 * base currency. `marksAsOf` says where the marks come from (`prices as of 2001-01-02`).
 */
export function formatPositions(accountId: string, currency: string, valuation: Valuation, marksAsOf: string): string {
  const lines = [`account ${accountId} · ${marksAsOf} · equity ${money(valuation.equity)} ${currency}`];
  for (const p of valuation.positions) {
    lines.push(
      `  ${p.symbol.padEnd(6)} ${shares(p.quantity).padStart(8)} sh  avg ${money(p.averageCost).padStart(9)}  @ ${money(p.price).padStart(9)}  value ${money(p.marketValue).padStart(12)}  P&L ${money(p.unrealizedPnl).padStart(11)} (${pct(p.unrealizedPnlPct)}%)  ${pct(p.weightPct)}%`,
    );
  }
  if (valuation.positions.length === 0) lines.push('  no positions');
  lines.push(`  cash ${money(valuation.cash)} · realized P&L ${money(valuation.realizedPnl)} · unrealized ${money(valuation.unrealizedPnl)} · total ${money(valuation.totalPnl)} · commissions ${money(valuation.commissionsPaid)}`);
  return lines.join('\n');
}
