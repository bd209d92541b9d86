import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parsePricePanel } from '../src/market/parse-price-panel.js';
import type { PricePanel } from '../src/market/price-panel.js';
import type { Policy } from '../src/policy/policy.js';
import { validatePolicy } from '../src/policy/validate-policy.js';
import { replayPolicy } from '../src/replay/replay-policy.js';
import { seededRandom } from './seeded-random.js';
import { benchStrategiesReplay } from './strategies-bench.js';

const ROOT = join(import.meta.dirname, '../..');

/**
 * dee-bot's exits and limits plus dow-index's rebalance, over every symbol of the price file: daily guards
 * (take-profit, cut-loss) after the close, a weekly review of every rule and a drift rebalance to equal weight.
 */
const GUARDS_AND_WEEKLY_REBALANCE = `version: 1
id: bench-replay
account: bench
schedules:
  - { id: daily_guards, when: daily at 16:30, runs: [take_profit, cut_loss] }
  - { id: weekly_review, when: weekly on friday at 16:45, runs: [all] }
execution: { commission_bps: 5, commission_min: 1, slippage_bps: 5 }
exits:
  take_profit: { gain_pct: 20, sell_pct: 50 }
  cut_loss: { loss_pct: 10, hard_stop_pct: 15 }
  stale: { days_held: 21, max_move_pct: 5 }
  concentration: { max_weight_pct: 15, trim_to_pct: 12 }
limits: { max_exits_per_week: 3, max_trades_per_run: 10, min_trade_value: 500 }
rules:
  - id: slow-bleed
    conditions:
      all:
        - { fact: days_held, operator: greaterThanInclusive, value: 14 }
        - { fact: unrealized_pnl_pct, operator: lessThanInclusive, value: -7 }
    event: { type: exit }
rebalance:
  equal: all
  bands: { absolute_pp: 5, relative_pct: 25 }
  budget_pct: 20
  max_position_weight_pct: 15
`;

function policyOf(text: string, file: string): Policy {
  const validation = validatePolicy({ file, text });
  if (!validation.ok) throw new Error(`${file} is invalid: ${validation.errors.map((e) => e.message).join('; ')}`);
  return validation.policy;
}

/**
 * `symbols` seeded geometric Brownian motions over `sessions` weekdays from 2000-01-03: daily log returns
 * (μ − σ²/2)/252 + σ/√252 · z, μ 7%, σ from 15% to 45% a year per symbol, starting prices 20 to 200.
 */
export function gbmPanel(symbols: number, sessions: number, seed = 7): PricePanel {
  const random = seededRandom(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const dates: string[] = [];
  for (const day = new Date(Date.UTC(2000, 0, 3)); dates.length < sessions; day.setUTCDate(day.getUTCDate() + 1)) {
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) dates.push(day.toISOString().slice(0, 10));
  }
  const names = Array.from({ length: symbols }, (_, j) => `S${String(j).padStart(3, '0')}`);
  const closes = new Map<string, Float64Array>();
  for (const name of names) {
    const sigma = 0.15 + 0.3 * random();
    const drift = (0.07 - (sigma * sigma) / 2) / 252;
    const column = new Float64Array(sessions);
    let price = 20 + 180 * random();
    for (let i = 0; i < sessions; i++) {
      column[i] = price;
      price *= Math.exp(drift + (sigma / Math.sqrt(252)) * normal());
    }
    closes.set(name, column);
  }
  return { file: `gbm-${symbols}x${sessions}`, symbols: names, dates, rows: dates.map((_, i) => i + 2), closes };
}

/** The three replay benchmarks of issue 9 and the multi-factor replay, each a task for `npm run bench`. */
export async function replayBenchmarks(): Promise<{ name: string; goalMs: number; task: () => Promise<unknown> }[]> {
  const dowFile = 'examples/prices/dow30-daily-1991-2000.csv';
  const dow = parsePricePanel(dowFile, await readFile(join(ROOT, dowFile), 'utf8'));
  const guards = policyOf(GUARDS_AND_WEEKLY_REBALANCE, 'bench-replay.yaml');
  const parity = policyOf(await readFile(join(ROOT, 'examples/policies/bt-parity.yaml'), 'utf8'), 'bt-parity.yaml');
  // Built at the first run (a warm-up), so a process that runs only the Dow replay never holds the 500-symbol panel.
  let panel: PricePanel | undefined;
  const synthetic = (): PricePanel => (panel ??= gbmPanel(500, 5040));
  return [
    { name: 'replay: Dow 30 × 10 y, daily exits + weekly rebalance', goalMs: 300, task: () => replayPolicy(guards, dow, { capital: 1_000_000 }) },
    { name: 'replay: 500 GBM × 5,040, same policy', goalMs: 2000, task: () => replayPolicy(guards, synthetic(), { capital: 10_000_000 }) },
    { name: 'replay: bt parity policy on 500 GBM × 5,040', goalMs: 2100, task: () => replayPolicy(parity, synthetic()) },
    { name: 'multi-factor: replay of the Dow 30, 10 years', goalMs: 1000, task: await benchStrategiesReplay() },
  ];
}
