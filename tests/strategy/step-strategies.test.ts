import { describe, expect, it } from 'vitest';
import { stepStrategies } from '../../src/strategy/step-strategies.js';
import type { StrategyStep } from '../../src/strategy/strategy-step.js';
import type { StrategyState } from '../../src/strategy/strategy-state.js';
import { NOTE_000, policyFrom, syntheticPanel } from './strategy-fixtures.js';

const SYMBOLS = ['AA', 'BA', 'CAT', 'GE', 'IBM', 'JNJ', 'KO', 'MMM', 'MSFT', 'WMT'];
const FIRST = 10; // sessions of history before session 1

function runSessions(text: string, sessions: number, roundTrip = true): StrategyStep[] {
  const policy = policyFrom(text);
  const panel = syntheticPanel(SYMBOLS, FIRST + sessions);
  const steps: StrategyStep[] = [];
  let state: StrategyState | undefined;
  for (let s = 0; s < sessions; s++) {
    const step = stepStrategies({ policy, history: { panel, index: FIRST + s }, signalFiles: new Map(), accountEquity: 100_000, state });
    steps.push(step);
    state = roundTrip ? (JSON.parse(JSON.stringify(step.state)) as StrategyState) : step.state;
  }
  return steps;
}

const rebalanced = (step: StrategyStep): string[] => step.strategies.filter((d) => d.action === 'rebalanced').map((d) => d.strategyId);

describe('stepStrategies', () => {
  const steps = runSessions(NOTE_000, 15);

  it("should follow note 000's timeline: session 1 all three, 2 only the daily, 8 daily and weekly, 15 all three", () => {
    expect(rebalanced(steps[0]!)).toEqual(['volatility', 'dw_factor', 'kurtosis']);
    expect(rebalanced(steps[1]!)).toEqual(['volatility']);
    expect(rebalanced(steps[7]!)).toEqual(['volatility', 'dw_factor']);
    expect(rebalanced(steps[14]!)).toEqual(['volatility', 'dw_factor', 'kurtosis']);
    for (const s of [2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13]) expect(rebalanced(steps[s]!), `session ${s + 1}`).toEqual(['volatility']);
  });

  it('should say which strategies held and the sessions to their next rebalance', () => {
    expect(steps[1]!.strategies.map((d) => d.why)).toEqual([
      'daily',
      'holding dw_factor, 6 sessions to its next rebalance',
      'holding kurtosis, 13 sessions to its next rebalance',
    ]);
    expect(steps[7]!.strategies[2]).toMatchObject({ action: 'held', sessionsToNext: 7, lastRebalance: steps[0]!.session });
  });

  it('should hold a strategy\'s last signal between its rebalances', () => {
    for (let s = 1; s < 7; s++) expect(steps[s]!.strategies[1]!.weights).toEqual(steps[0]!.strategies[1]!.weights);
  });

  it('should continue from the stored state exactly as from memory (a restart loses nothing)', () => {
    const inMemory = runSessions(NOTE_000, 15, false);
    expect(inMemory[14]!.state).toEqual(steps[14]!.state);
  });

  it('should start the sleeves with the account equity, at the fixed allocations, the rest unallocated', () => {
    const first = steps[0]!;
    expect(first.allocation).toMatchObject({ action: 'initial', weights: { volatility: 0.3, dw_factor: 0.35, kurtosis: 0.35 } });
    const costs = first.strategies.reduce((sum, d) => sum + d.costs, 0);
    const equity = first.strategies.reduce((sum, d) => sum + d.equity, 0);
    expect(equity + first.state.unallocated + costs).toBeCloseTo(100_000, 6);
    expect(costs).toBeCloseTo(100_000 * 0.001, 0); // 10 bps on buying everything once
  });

  it('should combine the sleeves into net targets of Σ allocation × weight', () => {
    const first = steps[0]!;
    const expected = new Map<string, number>();
    for (const d of first.strategies) for (const [symbol, w] of Object.entries(d.weights)) expected.set(symbol, (expected.get(symbol) ?? 0) + d.allocation * w);
    for (const target of first.combination.targets) expect(target.weight).toBeCloseTo(expected.get(target.symbol)!, 3);
  });

  it('should report each strategy\'s orders per symbol and the netting saving', () => {
    const step = steps[7]!;
    const gross = step.netting.symbols.reduce((sum, s) => sum + s.orders.reduce((a, o) => a + Math.abs(o.notional), 0), 0);
    expect(step.netting.gross).toBeCloseTo(gross, 6);
    expect(step.netting.net).toBeLessThanOrEqual(step.netting.gross);
    expect(step.netting.saving).toBeCloseTo(step.netting.gross - step.netting.net, 6);
  });

  it('should mark every session since the last run when runs skip sessions', () => {
    const policy = policyFrom(NOTE_000);
    const panel = syntheticPanel(SYMBOLS, FIRST + 10);
    const first = stepStrategies({ policy, history: { panel, index: FIRST }, signalFiles: new Map(), accountEquity: 100_000, state: undefined });
    const later = stepStrategies({ policy, history: { panel, index: FIRST + 5 }, signalFiles: new Map(), accountEquity: 100_000, state: first.state });
    expect(later.marks.map((m) => m.date)).toEqual(panel.dates.slice(FIRST + 1, FIRST + 6));
    expect(later.state.sleeves.volatility!.returns).toHaveLength(5);
    expect(rebalanced(later)).toEqual(['volatility']);
  });
});
