import { money, pct } from './numbers.js';
import type { StrategyRunRecord } from '../store/run-record.js';
import { textTable } from './text-table.js';

/** Money with its sign: "+1,203.11", "−37.60". */
export const signed = (value: number): string => `${value >= 0 ? '+' : '−'}${money(Math.abs(value))}`;

/** The allocation across strategies in one line: method, and whether it was kept, changed or is in force. */
export function allocationLine(record: StrategyRunRecord): string {
  const a = record.allocation;
  const what =
    a.action === 'not_due'
      ? `in force, next re-allocation in ${a.sessionsToNext} ${a.sessionsToNext === 1 ? 'session' : 'sessions'}`
      : a.action === 'kept'
        ? `re-computed and kept: the largest move, ${pct(a.largestMovePp ?? 0)} pp, is within the threshold; next in ${a.sessionsToNext} sessions`
        : `${a.action === 'initial' ? 'first allocation' : `re-allocated${a.largestMovePp !== undefined ? ` (largest move ${pct(a.largestMovePp)} pp)` : ''}`}: ${a.basis}; next in ${a.sessionsToNext} sessions`;
  return `  strategies · allocation ${a.method} · ${what}`;
}

/** Gross vs net, then each symbol that strategies traded both ways, with each order and the net: where netting saved. */
function nettingLines(record: StrategyRunRecord, currency: string): string[] {
  const n = record.netting;
  if (n.gross === 0) return ['  netting: no strategy traded its sleeve'];
  const lines = [`  netting: sleeve orders ${money(n.gross)} ${currency} gross → ${money(n.net)} net, ${money(n.saving)} saved (${pct(n.savingPct)}%)`];
  for (const symbol of n.symbols.filter((s) => s.orders.some((o) => o.notional > 0) && s.orders.some((o) => o.notional < 0))) {
    const orders = symbol.orders.map((o) => `${o.strategyId} ${signed(o.notional)}`).join(', ');
    lines.push(`    ${symbol.symbol.padEnd(6)} ${orders} → net ${signed(symbol.net)}`);
  }
  return lines;
}

/**
 * The strategies' part of a run for a terminal: the allocation (kept, changed, or in force), one line per strategy
 * (rebalanced with why, or held with the sessions to its next rebalance; its allocation, sleeve equity and P&L),
 * the notes a reader should see (names without history, targets dropped under the minimum weight or clipped because
 * short), and the netting (gross vs net traded value, and each symbol two strategies traded).
 */
export function formatStrategyRun(record: StrategyRunRecord, currency: string): string[] {
  const rows = record.strategies.map((d) => [
    d.strategyId,
    d.period,
    d.action,
    `${pct(d.allocation * 100)}%`,
    money(d.equity),
    signed(d.pnl),
    d.action === 'rebalanced' ? d.why : d.why.replace(`holding ${d.strategyId}, `, ''),
  ]);
  const header = ['strategy', 'period', 'action', 'allocation', `sleeve ${currency}`, `P&L ${currency}`, 'why'];
  const notes = [
    ...record.strategies.flatMap((d) => d.notes.map((note) => `${d.strategyId}: ${note}`)),
    ...record.combination.belowMinimum.map((t) => `${t.symbol}: net target ${pct(t.weight * 100)}% under the minimum weight, not held`),
    ...record.combination.clippedShort.map((t) => `${t.symbol}: net target ${pct(t.weight * 100)}% is short; a long-only account clips it to 0`),
    ...record.notes,
  ];
  return [allocationLine(record), ...textTable(header, rows, { right: new Set([3, 4, 5]), indent: 4 }), ...notes.map((n) => `    note: ${n}`), ...nettingLines(record, currency)];
}
