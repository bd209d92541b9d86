import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountState } from '../../src/portfolio/account-state.js';
import { checkInvariants } from '../../src/portfolio/check-invariants.js';
import { deposit } from '../../src/portfolio/deposit.js';
import { PortfolioError } from '../../src/errors.js';
import { type PaperCosts, executePaper } from '../../src/portfolio/execute-paper.js';
import { markToMarket } from '../../src/portfolio/mark-to-market.js';
import { openAccount } from '../../src/portfolio/open-account.js';
import { toHoldings } from '../../src/portfolio/to-holdings.js';
import { withdraw } from '../../src/portfolio/withdraw.js';

const SYMBOLS = ['AAA', 'BBB', 'CCC', 'DDD'] as const;
type Ticker = (typeof SYMBOLS)[number];

// Prices 0.01–5000: whole cents, and arbitrary doubles to exercise the exact decimals.
const price = fc.oneof(
  fc.integer({ min: 1, max: 500_000 }).map((cents) => cents / 100),
  fc.double({ min: 0.01, max: 5000, noNaN: true }),
);
const symbol = fc.constantFrom(...SYMBOLS);
const fraction = fc.double({ min: 0, max: 1, noNaN: true });

type Command =
  | { readonly kind: 'deposit'; readonly cents: number }
  | { readonly kind: 'withdraw'; readonly fraction: number }
  | { readonly kind: 'buy'; readonly symbol: Ticker; readonly fraction: number; readonly rawQuantity: number; readonly affordable: boolean }
  | { readonly kind: 'sell'; readonly pick: number; readonly fraction: number; readonly all: boolean }
  | { readonly kind: 'move'; readonly symbol: Ticker; readonly factor: number }
  | { readonly kind: 'costs'; readonly costs: PaperCosts };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('deposit' as const), cents: fc.integer({ min: 1, max: 100_000_000 }) }),
  fc.record({ kind: fc.constant('withdraw' as const), fraction }),
  fc.record({
    kind: fc.constant('buy' as const),
    symbol,
    fraction,
    rawQuantity: fc.integer({ min: 1, max: 10_000 }),
    affordable: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('buy' as const), symbol, fraction, rawQuantity: fc.integer({ min: 1, max: 10_000 }), affordable: fc.constant(true) }),
  fc.record({ kind: fc.constant('sell' as const), pick: fc.nat(), fraction, all: fc.boolean() }),
  fc.record({ kind: fc.constant('sell' as const), pick: fc.nat(), fraction, all: fc.constant(false) }),
  fc.record({ kind: fc.constant('move' as const), symbol, factor: fc.double({ min: 0.5, max: 2, noNaN: true }) }),
  fc.record({
    kind: fc.constant('costs' as const),
    costs: fc.record({
      commissionBps: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 50, noNaN: true })),
      commissionMin: fc.integer({ min: 0, max: 1000 }).map((cents) => cents / 100),
      slippageBps: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 50, noNaN: true })),
    }),
  }),
);

const scenario = fc.record({
  initialCents: fc.integer({ min: 0, max: 10_000_000_000 }),
  prices: fc.record({ AAA: price, BBB: price, CCC: price, DDD: price }),
  commands: fc.array(command, { minLength: 1, maxLength: 40, size: 'max' }),
});

const cents = (amount: number): number => Math.round(amount * 100);

describe('ledger properties', () => {
  it('should keep every invariant to 1e-9 and never go negative over random deposits, trades, fees and price moves', () => {
    const tally = { fills: 0, sells: 0, refusedBuys: 0 };
    fc.assert(
      fc.property(scenario, ({ initialCents, prices, commands }) => {
        const marks: Record<Ticker, number> = { ...prices };
        let state: AccountState = openAccount({ accountId: 'p', baseCurrency: 'USD', initialCapital: initialCents / 100, at: '2025-01-01' });
        let costs: PaperCosts = {};
        const held = new Map<string, number>();
        let expectedCashCents = initialCents;
        let day = 0;

        for (const step of commands) {
          day += 1;
          const at = new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString();
          const before = state;
          try {
            if (step.kind === 'deposit') {
              state = deposit(state, step.cents / 100);
              expectedCashCents += step.cents;
            } else if (step.kind === 'withdraw') {
              const amountCents = Math.floor(step.fraction * cents(state.cash));
              if (amountCents > 0) {
                state = withdraw(state, amountCents / 100);
                expectedCashCents -= amountCents;
              }
            } else if (step.kind === 'move') {
              marks[step.symbol] = Math.min(5000, Math.max(0.01, marks[step.symbol] * step.factor));
            } else if (step.kind === 'costs') {
              costs = step.costs;
            } else if (step.kind === 'buy') {
              const canAfford = Math.floor((step.fraction * state.cash) / (marks[step.symbol] * 1.01));
              const quantity = step.affordable ? Math.min(10_000, Math.max(1, canAfford)) : step.rawQuantity;
              const { state: next, fill } = executePaper(state, { symbol: step.symbol, side: 'buy', quantity }, marks[step.symbol], costs, at);
              state = next;
              held.set(step.symbol, (held.get(step.symbol) ?? 0) + quantity);
              expectedCashCents -= cents(fill.notional) + cents(fill.commission);
              expect(fill.price).toBeGreaterThanOrEqual(marks[step.symbol]);
              tally.fills += 1;
            } else {
              // Sell one of the symbols held (the property is about sells, not about refusing unheld symbols).
              const heldSymbols = SYMBOLS.filter((s) => (held.get(s) ?? 0) > 0);
              const sold = heldSymbols[step.pick % Math.max(1, heldSymbols.length)];
              if (sold === undefined) continue;
              const holding = held.get(sold) ?? 0;
              const quantity = step.all ? holding : Math.max(1, Math.floor(step.fraction * holding));
              const { state: next, fill } = executePaper(state, { symbol: sold, side: 'sell', quantity }, marks[sold], costs, at);
              state = next;
              held.set(sold, holding - quantity);
              expectedCashCents += cents(fill.notional) - cents(fill.commission);
              expect(fill.price).toBeLessThanOrEqual(marks[sold]);
              expect(cents(fill.realizedPnl)).toBe(cents(fill.notional) - cents(fill.costRelieved) - cents(fill.commission));
              tally.fills += 1;
              tally.sells += 1;
            }
          } catch (error) {
            // Only a buy the cash cannot cover (or a sell whose minimum fee exceeds cash + proceeds) may be refused,
            // and a refusal must leave the state as it was.
            if (!(error instanceof PortfolioError) || error.code !== 'INSUFFICIENT_CASH') throw error;
            expect(state).toBe(before);
            if (step.kind === 'buy') tally.refusedBuys += 1;
          }

          expect(checkInvariants(state, marks, 1e-9)).toEqual([]);
          expect(state.cash).toBeGreaterThanOrEqual(0);
          for (const lot of state.lots) expect(lot.quantity).toBeGreaterThan(0);
          expect(cents(state.cash)).toBe(expectedCashCents);
          expect(cents(state.realizedPnl)).toBe(state.trades.reduce((total, fill) => total + cents(fill.realizedPnl), 0));
          expect(cents(state.commissionsPaid)).toBe(state.trades.reduce((total, fill) => total + cents(fill.commission), 0));
          const holdings = new Map(toHoldings(state).positions.map((p) => [p.symbol, p.quantity]));
          for (const s of SYMBOLS) expect(holdings.get(s) ?? 0).toBe(held.get(s) ?? 0);

          // The reported doubles agree with each other up to float spacing of the largest operand.
          const v = markToMarket(state, marks);
          const positionsValue = v.positions.reduce((total, p) => total + p.marketValue, 0);
          const scale = Math.max(1, v.equity, positionsValue, state.initialCapital, Math.abs(state.netDeposits), Math.abs(v.totalPnl));
          expect(Math.abs(v.equity - v.cash - positionsValue)).toBeLessThanOrEqual(1e-12 * scale);
          expect(Math.abs(v.equity - state.initialCapital - state.netDeposits - v.totalPnl)).toBeLessThanOrEqual(1e-12 * scale);
        }
        expect(JSON.parse(JSON.stringify(state))).toEqual(state);
      }),
      { numRuns: 300 },
    );
    expect(tally.fills).toBeGreaterThan(1000);
    expect(tally.sells).toBeGreaterThan(200);
    expect(tally.refusedBuys).toBeGreaterThan(10);
  });
});
