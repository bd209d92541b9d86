import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { rulesForRuns } from '../../src/engine/rules-for-runs.js';
import { snapshotForPolicy } from '../../src/market/snapshot-for-holdings.js';
import type { PricePanel } from '../../src/market/price-panel.js';
import type { AccountState } from '../../src/portfolio/account-state.js';
import { applyFill } from '../../src/portfolio/apply-fill.js';
import { checkInvariants } from '../../src/portfolio/check-invariants.js';
import { markToMarket } from '../../src/portfolio/mark-to-market.js';
import { openAccount } from '../../src/portfolio/open-account.js';
import { toHoldings } from '../../src/portfolio/to-holdings.js';
import type { Policy } from '../../src/policy/policy.js';
import { policySchedules } from '../../src/policy/policy-schedules.js';
import { replayPolicy } from '../../src/replay/replay-policy.js';
import type { ReplayFill, ReplayResult } from '../../src/replay/replay-result.js';
import { dow30, policyFile, withSpike } from './replay-fixtures.js';

const WINDOW = { from: '1995-01-03', to: '1997-12-31' } as const;

/** The exact paper ledger after the given fills, booked at their sessions' closes. */
function ledgerAfter(fills: readonly ReplayFill[], capital: number): AccountState {
  let state = openAccount({ accountId: 'ledger', baseCurrency: 'USD', initialCapital: capital, at: '1990-01-01T00:00:00.000Z' });
  for (const f of fills) {
    state = applyFill(state, { symbol: f.symbol, side: f.side, quantity: f.quantity, price: f.price, notional: f.notional, commission: f.commission, at: `${f.date}T21:00:00.000Z` });
  }
  return state;
}

function closesAt(panel: PricePanel, date: string): Map<string, number> {
  const row = panel.dates.indexOf(date);
  return new Map(panel.symbols.map((s) => [s, panel.closes.get(s)![row]!] as const));
}

describe('replayPolicy', () => {
  let panel: PricePanel;
  let policy: Policy;
  let result: ReplayResult;
  beforeAll(async () => {
    panel = await dow30();
    policy = await policyFile('tests/fixtures/replay/busy-bot.yaml');
    result = await replayPolicy(policy, panel, WINDOW);
  });

  it('should trade with costs, partial exits, full exits and rebalances (what the accounting tests below rely on)', () => {
    const rules = new Set(result.fills.map((f) => f.ruleId));
    expect([...rules]).toEqual(expect.arrayContaining(['take_profit', 'cut_loss', 'rebalance']));
    expect(result.fills.some((f) => f.ruleId === 'take_profit' && f.reason.includes('sell 50.0%'))).toBe(true);
    expect(result.fills.every((f) => f.commission >= 1 && Number.isInteger(f.quantity))).toBe(true);
    expect(result.dates[0]).toBe('1995-01-03');
    expect(result.dates.at(-1)).toBe('1997-12-31');
  });

  it('should keep equity equal to the exact paper ledger fed the same fills, with every invariant holding, at every session', () => {
    let booked = 0;
    let state = ledgerAfter([], result.initialCapital);
    result.dates.forEach((date, i) => {
      const today: ReplayFill[] = [];
      while (booked < result.fills.length && result.fills[booked]!.date === date) today.push(result.fills[booked++]!);
      for (const f of today) state = applyFill(state, { symbol: f.symbol, side: f.side, quantity: f.quantity, price: f.price, notional: f.notional, commission: f.commission, at: `${date}T21:00:00.000Z` });
      const prices = closesAt(panel, date);
      const ledger = markToMarket(state, prices).equity;
      expect(Math.abs(ledger - result.equity[i]!) / ledger).toBeLessThanOrEqual(1e-9);
      expect(checkInvariants(state, prices)).toEqual([]);
    });
    expect(booked).toBe(result.fills.length);
  });

  it('should propose on any session exactly what the live evaluate proposes on that session\'s holdings, prices and clock', async () => {
    const schedules = policySchedules(policy);
    if (!schedules.ok) throw new Error('policy schedules');
    const runsOf = new Map(schedules.schedules.map((s) => [s.id, s.runs] as const));
    const trading = result.runs.flatMap((r, k) => (r.proposals.length > 0 ? [k] : []));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer({ min: 0, max: result.runs.length - 1 }), fc.constantFrom(...trading)), async (k) => {
        const run = result.runs[k]!;
        // next-close: the holdings at a decision are every fill up to and including its session's close.
        const state = ledgerAfter(result.fills.filter((f) => f.date <= run.date), result.initialCapital);
        const holdings = { file: 'ledger', holdings: toHoldings(state), rows: new Map<string, number>() };
        const since = Date.parse(run.at) - 7 * 86_400_000;
        const recentExits = result.runs.slice(0, k).filter((r) => Date.parse(r.at) > since)
          .flatMap((r) => r.proposals.filter((p) => p.side === 'sell').map((p) => ({ symbol: p.symbol, at: r.at })));
        const only = rulesForRuns(policy, run.scheduleIds.flatMap((id) => runsOf.get(id) ?? []));
        const live = await evaluate(policy, holdings.holdings, snapshotForPolicy(panel, holdings, run.date, policy), new Date(run.at), { recentExits }, only === undefined ? {} : { only });
        const key = (p: { ruleId: string; symbol: string; side: string; quantity: number; notional: number; reason: string }) => [p.ruleId, p.symbol, p.side, p.quantity, p.notional, p.reason];
        expect(live.proposals.map(key)).toEqual(run.proposals.map(key));
      }),
      { numRuns: 100, seed: 20261130 },
    );
    expect(trading.length).toBeGreaterThan(20);
  });

  for (const fill of ['next-close', 'same-close'] as const) {
    it(`should decide nothing on day t differently when the prices of day t+1 spike (${fill})`, async () => {
      const t = '1996-06-14';
      const next = panel.dates[panel.dates.indexOf(t) + 1]!;
      const plain = await replayPolicy(policy, panel, { ...WINDOW, fill });
      const spiked = await replayPolicy(policy, withSpike(panel, 'GE', next, 3), { ...WINDOW, fill });
      const upTo = (r: ReplayResult) => ({
        runs: r.runs.filter((run) => run.date <= t),
        fills: r.fills.filter((f) => f.date <= t),
        equity: [...r.equity.slice(0, r.dates.indexOf(t) + 1)],
      });
      expect(upTo(spiked)).toEqual(upTo(plain));
      expect(spiked.equity[spiked.dates.indexOf(next)]).not.toBe(plain.equity[plain.dates.indexOf(next)]);
    });
  }
});
