import { evaluate } from '../src/engine/evaluate.js';
import type { Holdings, Position } from '../src/portfolio/holdings.js';
import { validatePolicy } from '../src/policy/validate-policy.js';
import type { Policy } from '../src/policy/policy.js';
import type { MarketSnapshot } from '../src/market/market-snapshot.js';
import { seededRandom } from './seeded-random.js';

const POLICY_YAML = `version: 1
id: bench-bot
account: bench
exits:
  take_profit: { gain_pct: 25, sell_pct: 50 }
  cut_loss: { loss_pct: 12, hard_stop_pct: 15 }
  stale: { days_held: 30, max_move_pct: 5 }
  concentration: { max_weight_pct: 1, trim_to_pct: 0.5 }
limits: { max_exits_per_week: 50, max_trades_per_run: 100, min_trade_value: 100 }
rules:
  - id: slow-bleed
    conditions:
      all:
        - { fact: days_held, operator: greaterThanInclusive, value: 14 }
        - { fact: unrealized_pnl_pct, operator: lessThanInclusive, value: -7 }
    event: { type: exit }
`;

/** The benchmark's inputs: the policy above and `count` seeded synthetic positions with prices. */
export function syntheticBook(count: number, seed = 42): { policy: Policy; holdings: Holdings; market: MarketSnapshot } {
  const validation = validatePolicy({ file: 'bench.yaml', text: POLICY_YAML });
  if (!validation.ok) throw new Error('bench policy is invalid');
  const random = seededRandom(seed);
  const positions: Position[] = [];
  const prices = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const symbol = `S${String(i).padStart(5, '0')}`;
    const averageCost = 5 + random() * 500;
    const day = 1 + Math.floor(random() * 28);
    positions.push({ symbol, quantity: 1 + Math.floor(random() * 1000), averageCost, openedDate: `2000-0${1 + Math.floor(random() * 5)}-${String(day).padStart(2, '0')}` });
    prices.set(symbol, Math.round(averageCost * (0.7 + random() * 0.7) * 100) / 100);
  }
  return { policy: validation.policy, holdings: { cash: 1_000_000, positions }, market: { date: '2000-06-30', prices } };
}

/** Evaluates one policy (4 built-in rules + 1 custom rule) against 5,000 synthetic positions. Goal: < 100 ms. */
export async function benchEvaluate(): Promise<() => Promise<unknown>> {
  const { policy, holdings, market } = syntheticBook(5_000);
  const now = new Date('2000-06-30T20:00:00Z');
  return () => evaluate(policy, holdings, market, now);
}
