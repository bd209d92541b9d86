import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePricePanel } from '../src/market/parse-price-panel.js';
import type { ReplayFill, ReplayResult, ReplayRun } from '../src/replay/replay-result.js';

/** A file of the repository, found from this module upwards (it runs from `bench/` under vitest and `dist/bench/`). */
function root(path: string): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, path))) return join(dir, path);
    if (dirname(dir) === dir) throw new Error(`${path} not found above ${fileURLToPath(import.meta.url)}`);
  }
}

/**
 * A realistic {@link ReplayResult} for the report's tests and benchmark: bt's monthly
 * 25%-band equal-weight rebalance of the Dow 30 (`tests/fixtures/reference/`, 1,290 trades on 43 dates), with its
 * positions rebuilt from bt's trades on the bundled prices, average-cost realized P&L and an equal-weight
 * buy-and-hold benchmark. Only the shape and size matter to the report; the replay's own parity test checks values.
 */
export function btReplay(): ReplayResult {
  const panel = parsePricePanel('dow30-daily-1991-2000.csv', readFileSync(root('examples/prices/dow30-daily-1991-2000.csv'), 'utf8'));
  const trades = readFileSync(root('tests/fixtures/reference/bt-dow30-monthly-rel25.trades.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
  const capital = 1_000_000;
  const n = panel.dates.length;
  const symbols = panel.symbols;
  const position = new Map(symbols.map((s) => [s, 0]));
  const cost = new Map(symbols.map((s) => [s, 0]));
  const weights = symbols.map(() => new Float64Array(n));
  const equity = new Float64Array(n);
  const cashSeries = new Float64Array(n);
  const fills: ReplayFill[] = [];
  const runs: ReplayRun[] = [];
  let cash = capital;
  let t = 0;
  for (let i = 0; i < n; i++) {
    const date = panel.dates[i]!;
    let traded = 0;
    let count = 0;
    for (; t < trades.length && trades[t]![0] === date; t++) {
      const [, symbol, q, p] = trades[t]! as [string, string, string, string];
      const quantity = Number(q);
      const price = Number(p);
      const held = position.get(symbol)!;
      const side = quantity > 0 ? 'buy' : 'sell';
      const realizedPnl = side === 'sell' ? -quantity * (price - cost.get(symbol)! / held) : 0;
      if (side === 'buy') cost.set(symbol, cost.get(symbol)! + quantity * price);
      else cost.set(symbol, (cost.get(symbol)! * (held + quantity)) / held);
      position.set(symbol, held + quantity);
      cash -= quantity * price;
      traded += Math.abs(quantity * price);
      count++;
      fills.push({
        date,
        decidedOn: date,
        symbol,
        side,
        quantity: Math.abs(quantity),
        price,
        notional: Math.abs(quantity * price),
        commission: 0,
        kind: 'rebalance',
        ruleId: 'rebalance',
        reason: `${symbol} back to its 3.33% target (relative band 25%)`,
        realizedPnl,
      });
    }
    let value = cash;
    symbols.forEach((s) => (value += position.get(s)! * panel.closes.get(s)![i]!));
    equity[i] = value;
    cashSeries[i] = cash;
    symbols.forEach((s, j) => (weights[j]![i] = (position.get(s)! * panel.closes.get(s)![i]!) / value));
    if (date.slice(5, 7) !== panel.dates[i - 1]?.slice(5, 7)) runs.push({ date, at: `${date}T21:00:00.000Z`, scheduleIds: ['monthly'], trades: count, turnover: traded / value, proposals: [] });
  }
  const benchmark = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    benchmark[i] = symbols.reduce((sum, s) => sum + (capital / symbols.length / panel.closes.get(s)![0]!) * panel.closes.get(s)![i]!, 0);
  }
  return {
    policyId: 'bt-parity',
    policyName: 'bt parity (equal weight, 25% relative band, monthly)',
    revision: 'abc1234',
    baseCurrency: 'USD',
    pricesFile: 'examples/prices/dow30-daily-1991-2000.csv',
    fill: 'same-close',
    initialCapital: capital,
    netDeposits: 0,
    dates: panel.dates,
    equity,
    cash: cashSeries,
    symbols,
    weights,
    fills,
    runs,
    benchmark: { label: 'equal weight of the policy’s 30 symbols, bought and held', equity: benchmark },
  };
}
