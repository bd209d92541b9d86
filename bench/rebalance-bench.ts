import { rebalance } from '../src/engine/rebalance/rebalance.js';
import type { RebalanceOptions } from '../src/engine/rebalance/rebalance-options.js';
import type { Holdings, Position } from '../src/portfolio/holdings.js';

/** Symbols in the synthetic portfolio; the goal is a rebalance under 50 ms at this size. */
const SYMBOLS = 5_000;
const WARM_UP_RUNS = 5;
const MEASURED_RUNS = 31;

/** mulberry32: a small seeded PRNG, so every run benchmarks the same portfolio. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

/**
 * Benchmarks one rebalance run of a seeded 5,000-symbol portfolio with all constraints and overlays on:
 * 5 warm-up runs, then the median wall time of 31 runs, in milliseconds.
 */
export async function benchRebalance(): Promise<{ name: string; medianMs: number }> {
  const { holdings, prices, options } = syntheticCase();
  for (let i = 0; i < WARM_UP_RUNS; i++) rebalance(holdings, prices, options);
  const times: number[] = [];
  for (let i = 0; i < MEASURED_RUNS; i++) {
    const start = performance.now();
    rebalance(holdings, prices, options);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name: `rebalance ${SYMBOLS} symbols, all constraints`, medianMs: times[Math.floor(times.length / 2)] as number };
}
