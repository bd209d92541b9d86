import Table from 'cli-table3';
import { money } from './numbers.js';
import { PLAIN, type Paint } from './paint.js';
import type { PerformanceMetrics } from '../replay/metrics/index.js';
import type { StrategiesAttribution } from '../replay/strategies/strategy-attribution.js';
import { count, percent, ratio } from './replay-metric-rows.js';

/** Box characters without a line between rows, as the replay summary. */
const NO_ROW_LINES = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

const figures = (m: PerformanceMetrics): string[] => [percent(m.totalReturnPct), percent(m.cagrPct), percent(m.volatilityPct), ratio(m.sharpe), percent(m.maxDrawdown.pct)];

/**
 * The strategies of a replay for a terminal: note 000's side-by-side comparison (strategy, period, rebalances, final
 * allocation, then return, CAGR, volatility, Sharpe and maximum drawdown of its sleeve), the combined portfolio (the
 * account as replayed: `combined`) and what note 000's Sharpe-weighted combination of the sleeves would have given;
 * then the netting over the replay and the accounting identity at the last session.
 */
export function formatStrategyAttribution(attribution: StrategiesAttribution, combined: PerformanceMetrics, currency: string, paint: Paint = PLAIN): string {
  const table = new Table({
    head: ['strategy', 'period', 'rebalances', 'allocation', 'return', 'CAGR', 'volatility', 'Sharpe', 'max drawdown'].map(paint.heading),
    // no styling by cli-table3 itself (its colours decide on their own whether to show): headings painted as the caller says
    style: { head: [], border: [] },
    chars: NO_ROW_LINES,
    colAligns: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  });
  for (const s of attribution.strategies) {
    table.push([s.strategyId, s.period, count(s.rebalances), percent(s.allocation * 100), ...figures(s.metrics)]);
  }
  table.push(['combined: the account', '', '', '', ...figures(combined)]);
  const weights = attribution.sharpeWeighted.weights.map((w) => percent(w * 100)).join(' / ');
  table.push([`Sharpe-weighted (${weights})`, 'daily', '', '', ...figures(attribution.sharpeWeighted.metrics)]);
  const n = attribution.netting;
  const id = attribution.identity;
  return [
    'strategies: each sleeve on its own returns (its trading costs included), the account, and a Sharpe-weighted combination',
    table.toString(),
    `netting   sleeve orders ${money(n.gross)} ${currency} gross → ${money(n.net)} net: ${money(n.saving)} saved (${percent(n.savingPct)})`,
    `accounting  account = Σ sleeves + unallocated + (sleeve costs − account costs) + tracking, to the cent at every session; on ${id.date}:`,
    `            ${money(id.accountEquity)} = ${money(id.sleeves)} + ${money(id.unallocated)} + (${money(id.sleeveCosts)} − ${money(id.accountCosts)}) + ${money(id.tracking)}`,
  ].join('\n');
}
