import type { Reconciliation } from '../portfolio/reconcile-positions.js';
import { formatPct, money, shares } from './numbers.js';

/**
 * A reconciliation for people: the differences above the threshold, one line each
 * (`GE  ours 300  broker 250  −50 sh (16.67%)  −2,163.00 USD (2.00% of equity)`), or that there are none.
 */
export function formatReconciliation(result: Reconciliation, baseCurrency: string, brokerFile: string): string {
  const head = `${result.accountId} vs ${brokerFile} · equity ${money(result.equity)} ${baseCurrency} · threshold ${formatPct(result.thresholdPct)}%`;
  const lines = result.positions.filter((p) => p.overThreshold).map((p) =>
    `  ${p.symbol.padEnd(8)} ours ${shares(p.ours).padStart(8)}  broker ${shares(p.broker).padStart(8)}  ${signed(p.quantityDiff, shares)} sh (${formatPct(p.quantityDiffPct)}%)  ${signed(p.valueDiff, money)} ${baseCurrency} (${formatPct(p.valueDiffPct)}% of equity)`);
  const { cash } = result;
  if (cash?.overThreshold) lines.push(`  ${'CASH'.padEnd(8)} ours ${money(cash.ours)}  broker ${money(cash.broker)}  ${signed(cash.diff, money)} ${baseCurrency} (${formatPct(cash.diffPct)}% of equity)`);
  if (lines.length === 0) return `${head}\n  no differences above ${formatPct(result.thresholdPct)}%`;
  return `${head}\n${lines.join('\n')}\n  ${result.differences} ${result.differences === 1 ? 'difference' : 'differences'} above ${formatPct(result.thresholdPct)}% (by quantity or by value)`;
}

function signed(value: number, format: (v: number) => string): string {
  return value > 0 ? `+${format(value)}` : value < 0 ? `−${format(-value)}` : format(0);
}
