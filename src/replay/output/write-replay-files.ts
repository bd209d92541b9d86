import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { ReplayResult } from '../replay-result.js';

/** The files {@link writeReplayFiles} writes, by name. */
export const REPLAY_FILES = ['equity.csv', 'trades.csv', 'weights.csv'] as const;

/**
 * Writes a replay's series as CSV into `dir` (created when missing): `equity.csv` (date, equity, cash, drawdown as a
 * fraction ≤ 0 of the running peak), `trades.csv` (date, symbol, side, quantity, price, notional, commission, rule,
 * reason; plus the session the decision saw), `weights.csv` (date, then one live weight 0..1 per symbol ever held).
 * Numbers are written with every digit (`String(x)`, round-trip exact). Throws what the file system throws.
 */
export async function writeReplayFiles(result: ReplayResult, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const { dates, equity, cash } = result;
  let peak = -Infinity;
  const equityRows = dates.map((date, i) => {
    peak = Math.max(peak, equity[i]!);
    return [date, equity[i], cash[i], peak > 0 ? equity[i]! / peak - 1 : 0];
  });
  const tradeRows = result.fills.map((f) => [f.date, f.symbol, f.side, f.quantity, f.price, f.notional, f.commission, f.ruleId, f.reason, f.decidedOn]);
  const weightRows = dates.map((date, i) => [date, ...result.weights.map((column) => column[i])]);
  await Promise.all([
    writeFile(join(dir, 'equity.csv'), stringify(equityRows, { header: true, columns: ['date', 'equity', 'cash', 'drawdown'] })),
    writeFile(join(dir, 'trades.csv'), stringify(tradeRows, { header: true, columns: ['date', 'symbol', 'side', 'quantity', 'price', 'notional', 'commission', 'rule', 'reason', 'decided_on'] })),
    writeFile(join(dir, 'weights.csv'), stringify(weightRows, { header: true, columns: ['date', ...result.symbols] })),
  ]);
}
