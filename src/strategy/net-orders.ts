/** What one strategy's sleeve asked to trade in one symbol: signed notional in base currency (+ buy, − sell). */
export interface StrategyOrder {
  readonly strategyId: string;
  readonly symbol: string;
  readonly notional: number;
}

/** One symbol's orders by strategy and the net order they add up to (base currency, signed). */
export interface SymbolNetting {
  readonly symbol: string;
  readonly orders: readonly { readonly strategyId: string; readonly notional: number }[];
  readonly net: number;
}

/**
 * Cross-strategy netting of one run (note 003, `StrategyNetting`): per symbol the orders of each strategy and the
 * net; `gross` = Σ |order| over every strategy and symbol (what separate accounts would trade), `net` = Σ_symbols
 * |Σ orders| (what one account trades), `saving` = gross − net in base currency and `savingPct` = saving / gross × 100
 * (0 when nothing traded).
 */
export interface NettingReport {
  readonly symbols: readonly SymbolNetting[];
  readonly gross: number;
  readonly net: number;
  readonly saving: number;
  readonly savingPct: number;
}

/**
 * Nets strategy orders per symbol (note 003's `net_orders` and `calculate_netting_benefit`). Symbols sorted
 * alphabetically; orders of 0 are left out. Example: A buys 10,000 of KO while B sells 6,000 → net buy 4,000,
 * gross 16,000, saving 12,000 (75%).
 */
export function netOrders(orders: readonly StrategyOrder[]): NettingReport {
  const bySymbol = new Map<string, { strategyId: string; notional: number }[]>();
  let gross = 0;
  for (const order of orders) {
    if (order.notional === 0) continue;
    gross += Math.abs(order.notional);
    const list = bySymbol.get(order.symbol) ?? [];
    list.push({ strategyId: order.strategyId, notional: order.notional });
    bySymbol.set(order.symbol, list);
  }
  let net = 0;
  const symbols = [...bySymbol.keys()].sort().map((symbol): SymbolNetting => {
    const list = bySymbol.get(symbol)!;
    const sum = list.reduce((s, o) => s + o.notional, 0);
    net += Math.abs(sum);
    return { symbol, orders: list, net: sum };
  });
  const saving = gross - net;
  return { symbols, gross, net, saving, savingPct: gross > 0 ? (saving / gross) * 100 : 0 };
}
