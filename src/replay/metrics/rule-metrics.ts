import type { ReplayFill } from '../replay-result.js';

/** What one rule did over a replay. Money in base currency. */
export interface RuleMetrics {
  /** `take_profit`, `cut_loss`, `stale`, `concentration`, `custom:<id>`, `rebalance`. */
  readonly ruleId: string;
  readonly trades: number;
  readonly buys: number;
  readonly sells: number;
  /** Sells that realized a profit (realized P&L > 0 after commission). */
  readonly winningSells: number;
  /** winningSells / sells × 100: the share of the rule's sells that closed at a profit; null for a rule that never sold. */
  readonly hitRatePct: number | null;
  /** Σ realized P&L of the rule's sells (FIFO lots, commissions included). */
  readonly realizedPnl: number;
  readonly commissionsPaid: number;
}

/** Groups fills by rule into {@link RuleMetrics}, ordered by number of trades, most first, then by rule id. */
export function ruleMetrics(fills: readonly ReplayFill[]): RuleMetrics[] {
  const byRule = new Map<string, { buys: number; sells: number; wins: number; realizedPnl: number; commissions: number }>();
  for (const fill of fills) {
    let tally = byRule.get(fill.ruleId);
    if (!tally) {
      tally = { buys: 0, sells: 0, wins: 0, realizedPnl: 0, commissions: 0 };
      byRule.set(fill.ruleId, tally);
    }
    if (fill.side === 'buy') tally.buys++;
    else {
      tally.sells++;
      if (fill.realizedPnl > 0) tally.wins++;
    }
    tally.realizedPnl += fill.realizedPnl;
    tally.commissions += fill.commission;
  }
  return [...byRule]
    .map(([ruleId, t]) => ({
      ruleId,
      trades: t.buys + t.sells,
      buys: t.buys,
      sells: t.sells,
      winningSells: t.wins,
      hitRatePct: t.sells > 0 ? (t.wins / t.sells) * 100 : null,
      realizedPnl: t.realizedPnl,
      commissionsPaid: t.commissions,
    }))
    .sort((a, b) => b.trades - a.trades || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}
