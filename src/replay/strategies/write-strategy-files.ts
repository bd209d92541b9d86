import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { ReplayResult } from '../replay-result.js';

/** The files {@link writeStrategyFiles} writes for a replay with strategies. */
export const STRATEGY_FILES = ['sleeves.csv', 'allocations.csv', 'accounting.csv'] as const;

/**
 * Writes a replay's strategies into `dir` (which exists): `sleeves.csv` (date, strategy, equity, the sleeve's return
 * that session), `allocations.csv` (date, strategy, the allocation in force in percent, and
 * the sleeve's share of strategy capital in percent, the allocation marked to market), and `accounting.csv` (date, the
 * account's equity and the identity's terms: Σ sleeves, unallocated, sleeve costs, account costs, tracking; see
 * `ReplayStrategies`). Long format, one row per session and strategy, only sessions with a mark; numbers with every
 * digit. No-op without strategies.
 */
export async function writeStrategyFiles(result: ReplayResult, dir: string): Promise<void> {
  const s = result.strategies;
  if (s === undefined) return;
  const sleeves: unknown[][] = [];
  const allocations: unknown[][] = [];
  const accounting: unknown[][] = [];
  result.dates.forEach((date, i) => {
    if (Number.isNaN(s.unallocated[i]!)) return;
    let capital = s.unallocated[i]!;
    for (const equity of s.equity) capital += equity[i]!;
    s.ids.forEach((id, k) => {
      const equity = s.equity[k]![i]!;
      sleeves.push([date, id, equity, s.returns[k]![i]]);
      allocations.push([date, id, s.allocation[k]![i]! * 100, capital > 0 ? (equity / capital) * 100 : 0]);
    });
    accounting.push([date, result.equity[i], capital - s.unallocated[i]!, s.unallocated[i], s.sleeveCosts[i], s.accountCosts[i], s.tracking[i]]);
  });
  await Promise.all([
    writeFile(join(dir, 'sleeves.csv'), stringify(sleeves, { header: true, columns: ['date', 'strategy', 'equity', 'return'] })),
    writeFile(join(dir, 'allocations.csv'), stringify(allocations, { header: true, columns: ['date', 'strategy', 'allocation_pct', 'share_pct'] })),
    writeFile(join(dir, 'accounting.csv'), stringify(accounting, { header: true, columns: ['date', 'account_equity', 'sleeves', 'unallocated', 'sleeve_costs', 'account_costs', 'tracking'] })),
  ]);
}
