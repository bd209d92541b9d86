import { rebalance } from '../src/engine/rebalance/rebalance.js';
import type { RebalanceOptions } from '../src/engine/rebalance/rebalance-options.js';
import type { Holdings, Position } from '../src/portfolio/holdings.js';
import { seededRandom as seeded } from './seeded-random.js';

/** Symbols in the synthetic portfolio; the goal is a rebalance under 50 ms at this size. */
const SYMBOLS = 5_000;

/** A seeded book of {@link SYMBOLS} positions with prices 5–500, random drift and cost bases, plus options with every constraint on. */
export function syntheticCase(): { holdings: Holdings; prices: Map<string, number>; options: RebalanceOptions } {
  const random = seeded(20260101);
  const positions: Position[] = [];
  const prices = new Map<string, number>();
  const symbols: string[] = [];
  for (let i = 0; i < SYMBOLS; i++) {
    const symbol = `SYM${String(i).padStart(4, '0')}`;
    const price = 5 + random() * 495;
    symbols.push(symbol);
    prices.set(symbol, Math.round(price * 100) / 100);
    const quantity = Math.floor(random() * 400);
    if (quantity > 0) positions.push({ symbol, quantity, averageCost: price * (0.6 + random() * 0.8), openedDate: '2025-06-02' });
  }
  return {
    holdings: { cash: 2_000_000, positions },
    prices,
    options: {
      targets: { equal: symbols },
      cashTargetPct: 1,
      bands: { absolutePp: 5, relativePct: 25 },
      to: 'band_edge',
      budgetPct: 10,
      maxTrades: 1_000,
      minTradeValue: 20_000,
      maxPositionWeightPct: 0.019,
      noBuy: symbols.filter((_, i) => i % 20 === 0),
      noSell: symbols.filter((_, i) => i % 20 === 1),
      profitTake: { gainPct: 20, boostPct: 20 },
      tilt: 'momentum',
    },
  };
}

/** A rebalance of 5,000 symbols with every constraint on. Goal: < 50 ms. */
export function benchRebalance(): () => unknown {
  const { holdings, prices, options } = syntheticCase();
  return () => rebalance(holdings, prices, options);
}
