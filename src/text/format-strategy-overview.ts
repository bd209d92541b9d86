import { money, pct } from './numbers.js';
import type { StrategyOverview } from '../run/strategy-overview.js';
import { allocationLine, signed } from './format-strategy-run.js';
import { textTable } from './text-table.js';

function nextRebalance(sessions: number | undefined): string {
  if (sessions === undefined) return 'beyond the calendar';
  return `in ${sessions} ${sessions === 1 ? 'session' : 'sessions'}`;
}

function pnlPct(pnl: number, equity: number): string {
  const capital = equity - pnl;
  return capital > 0 ? ` (${pnl >= 0 ? '+' : ''}${pct((pnl / capital) * 100)}%)` : '';
}

/**
 * `ballast strategies` for a terminal: per policy, the allocation in force and one row per strategy with its period,
 * allocation, last rebalance, next rebalance (in sessions after the run's session), sleeve equity and P&L.
 */
export function formatStrategyOverview(overview: StrategyOverview): string {
  const { record, baseCurrency: ccy } = overview;
  const capital = record.capital;
  const rows = record.strategies.map((d) => [
    d.strategyId,
    d.period,
    `${pct(d.allocation * 100)}%`,
    d.lastRebalance,
    nextRebalance(d.sessionsToNext),
    money(d.equity),
    `${signed(d.pnl)}${pnlPct(d.pnl, d.equity)}`,
  ]);
  return [
    `${overview.policyName} (${overview.policyId}) · as of ${overview.asOf} (${overview.runId}) · capital ${money(capital)} ${ccy}, unallocated ${money(overview.state.unallocated)}`,
    allocationLine(record),
    ...textTable(['strategy', 'period', 'allocation', 'last rebalance', 'next rebalance', `sleeve ${ccy}`, `P&L ${ccy}`], rows, { right: new Set([2, 5, 6]), indent: 4 }),
  ].join('\n');
}

/** `/strategies` for a phone: per policy a title, then one short line per strategy. */
export function formatStrategyOverviewShort(overview: StrategyOverview): string {
  const lines = [`${overview.policyName} · as of ${overview.asOf} · ${overview.record.allocation.method} allocation`];
  for (const d of overview.record.strategies) {
    lines.push(`${d.strategyId} (${d.period}): ${pct(d.allocation * 100)}% · last ${d.lastRebalance} · next ${nextRebalance(d.sessionsToNext)} · sleeve ${money(d.equity)} ${signed(d.pnl)}${pnlPct(d.pnl, d.equity)}`);
  }
  return lines.join('\n');
}
