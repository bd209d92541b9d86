import { money, pct } from './numbers.js';
import { maxDrawdown } from '../replay/metrics/max-drawdown.js';
import type { EquityPoint } from '../store/equity-point.js';

/** What {@link formatEquityCaption} describes: one paper account, the policies trading it, and its equity history. */
export interface EquityCaptionInput {
  readonly accountId: string;
  readonly policyIds: readonly string[];
  readonly currency: string;
  /** Oldest first, at least one. */
  readonly points: readonly EquityPoint[];
}

/**
 * The caption of `/report`'s picture (Telegram allows 1,024 characters): the account and its policies, equity now,
 * the change and the maximum drawdown since the first valuation, and how many valuations the chart has:
 *
 * ```
 * paper-dee (dee-bot) · equity 108,209.90 USD
 * since 2026-11-21 16:30 UTC: +1.2% · max drawdown −3.4%
 * 7 valuations: 4 runs, 3 executions
 * ```
 */
export function formatEquityCaption(input: EquityCaptionInput): string {
  const { points } = input;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const equity = Float64Array.from(points, (p) => p.equity);
  const change = first.equity > 0 ? (last.equity / first.equity - 1) * 100 : 0;
  const drawdown = maxDrawdown(equity, first.equity).drawdown * 100;
  const runs = points.filter((p) => p.source.kind === 'run').length;
  const policies = input.policyIds.length > 0 ? ` (${input.policyIds.join(', ')})` : '';
  return [
    `${input.accountId}${policies} · equity ${money(last.equity)} ${input.currency}`,
    `since ${utcMinute(first.at)}: ${change >= 0 ? '+' : ''}${pct(change)}% · max drawdown ${pct(drawdown)}%`,
    `${points.length} valuations: ${runs} ${runs === 1 ? 'run' : 'runs'}, ${points.length - runs} ${points.length - runs === 1 ? 'execution' : 'executions'}`,
  ].join('\n');
}

/** `2026-11-21T16:30:05.000Z` → `2026-11-21 16:30 UTC`. */
function utcMinute(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
