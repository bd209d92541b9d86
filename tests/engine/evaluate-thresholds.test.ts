import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import type { Holdings } from '../../src/portfolio/holdings.js';
import { ALL_RULES_OFF, policyFrom } from '../support/policy-fixtures.js';

const NOW = new Date('2000-06-30T20:00:00Z'); // 16:00 in New York
const ASOF = '2000-06-30';

/** One position of `quantity` shares bought at 100 on `openedDate`, now at `price`, plus `cash`. */
function holding(price: number, options: { quantity?: number; openedDate?: string; cash?: number } = {}) {
  const holdings: Holdings = {
    cash: options.cash ?? 1_000_000,
    positions: [{ symbol: 'KO', quantity: options.quantity ?? 100, averageCost: 100, openedDate: options.openedDate ?? '2000-06-01' }],
  };
  return { holdings, market: { date: ASOF, prices: new Map([['KO', price]]) } };
}

async function fired(policyYaml: string, price: number, options?: Parameters<typeof holding>[1]) {
  const { holdings, market } = holding(price, options);
  const result = await evaluate(policyFrom(policyYaml), holdings, market, NOW);
  return [...result.proposals, ...result.dropped.map((d) => d.proposal)];
}

describe('built-in rules', () => {
  it('should take profit at exactly the gain threshold and not a cent below', async () => {
    const policy = `${ALL_RULES_OFF.replace('take_profit: { enabled: false }', 'take_profit: { gain_pct: 20, sell_pct: 50 }')}`;
    expect(await fired(policy, 120)).toMatchObject([{ kind: 'take_profit', action: 'trim', quantity: 50, notional: 6000 }]);
    expect(await fired(policy, 119.99)).toEqual([]);
  });

  it('should cut a loss at exactly the loss threshold and not a cent above', async () => {
    const policy = ALL_RULES_OFF.replace('cut_loss: { enabled: false }', 'cut_loss: { loss_pct: 12, hard_stop_pct: 15 }');
    expect(await fired(policy, 88)).toMatchObject([{ kind: 'cut_loss', action: 'exit', quantity: 100, notional: 8800 }]);
    expect(await fired(policy, 88.01)).toEqual([]);
  });

  it('should say when a loss is already past the hard stop', async () => {
    const policy = ALL_RULES_OFF.replace('cut_loss: { enabled: false }', 'cut_loss: { loss_pct: 12, hard_stop_pct: 15 }');
    const [proposal] = await fired(policy, 84);
    expect(proposal!.reason).toMatch(/down 16\.0% .*past the −15% hard stop/);
  });

  it('should call a position stale from exactly days_held days, and only while it moved less than max_move_pct', async () => {
    const policy = ALL_RULES_OFF.replace('stale: { enabled: false }', 'stale: { days_held: 21, max_move_pct: 5 }');
    expect(await fired(policy, 104.99, { openedDate: '2000-06-09' })).toMatchObject([{ kind: 'stale', action: 'exit', quantity: 100 }]); // 21 days
    expect(await fired(policy, 95.01, { openedDate: '2000-06-09' })).toMatchObject([{ kind: 'stale' }]);
    expect(await fired(policy, 104.99, { openedDate: '2000-06-10' })).toEqual([]); // 20 days
    expect(await fired(policy, 105, { openedDate: '2000-06-09' })).toEqual([]); // moved 5%: not stale
  });

  it('should trim a concentrated position at exactly the maximum weight, rounding up to end at or below trim-to', async () => {
    const policy = ALL_RULES_OFF.replace('concentration: { enabled: false }', 'concentration: { max_weight_pct: 20, trim_to_pct: 15 }');
    // 100 sh × 100 = 10,000 of equity 50,000 = 20%. Trim to 15% = 7,500: sell 2,500 / 100 = 25 sh.
    expect(await fired(policy, 100, { cash: 40_000 })).toMatchObject([{ kind: 'concentration', action: 'trim', quantity: 25, weightBeforePct: 20, weightAfterPct: 15 }]);
    // 10,000 of 50,001 = 19.9996%: just below.
    expect(await fired(policy, 100, { cash: 40_001 })).toEqual([]);
    // 100 sh × 100 of equity 43,000 = 23.26%; 15% = 6,450; sell 3,550 / 100 = 35.5 → 36 sh, ending at 14.88%.
    const [trim] = await fired(policy, 100, { cash: 33_000 });
    expect(trim).toMatchObject({ quantity: 36 });
    expect(trim!.weightAfterPct).toBeCloseTo((6_400 / 43_000) * 100, 6);
  });
});

describe('partial exits', () => {
  const policy = ALL_RULES_OFF.replace('take_profit: { enabled: false }', 'take_profit: { gain_pct: 20, sell_pct: 50 }');

  it('should round a partial exit down to whole shares', async () => {
    expect(await fired(policy, 130, { quantity: 7 })).toMatchObject([{ quantity: 3, notional: 390 }]); // 7 × 50% = 3.5 → 3
  });

  it('should drop a partial exit that rounds to zero shares and say why', async () => {
    const { holdings, market } = holding(130, { quantity: 1 });
    const result = await evaluate(policyFrom(policy), holdings, market, NOW);
    expect(result.proposals).toEqual([]);
    expect(result.dropped).toMatchObject([{ constraint: 'rounds_to_zero', proposal: { symbol: 'KO', quantity: 0 } }]);
  });

  it('should trade fractions of a share, rounded down to 0.000001, when the policy allows them', async () => {
    expect(await fired(`fractional_shares: true\n${policy}`, 130, { quantity: 7 })).toMatchObject([{ quantity: 3.5, notional: 455 }]);
    expect(await fired(`fractional_shares: true\n${policy.replace('sell_pct: 50', 'sell_pct: 33.3333333')}`, 130, { quantity: 1 })).toMatchObject([{ quantity: 0.333333 }]);
  });
});

describe('custom rules', () => {
  it('should propose what the event says, explaining the conditions with the real numbers', async () => {
    const policy = `${ALL_RULES_OFF}rules:
  - id: fade
    description: weak after a week
    conditions:
      all:
        - fact: days_held
          operator: greaterThanInclusive
          value: 7
        - any:
            - fact: unrealized_pnl_pct
              operator: lessThan
              value: -3
            - fact: symbol
              operator: in
              value: [PG]
    event:
      type: trim
      params: { sell_pct: 25, message: earnings next week }
`;
    const [proposal] = await fired(policy, 96);
    expect(proposal).toMatchObject({ kind: 'custom', ruleId: 'custom:fade', action: 'trim', quantity: 25 });
    expect(proposal!.reason).toMatch(/^rule fade \(weak after a week\): days_held 29 ≥ 7, unrealized_pnl_pct −4 < −3; earnings next week: sell 25\.0%/);
    expect(await fired(policy, 98)).toEqual([]);
  });
});

describe('earlier rejections', () => {
  it('should mark a proposal repeating a trade rejected before with who rejected it and when, and no other', async () => {
    const policy = policyFrom(ALL_RULES_OFF.replace('take_profit: { enabled: false }', 'take_profit: { gain_pct: 20, sell_pct: 50 }'));
    const { holdings, market } = holding(130);
    const rejected = { symbol: 'KO', side: 'sell', proposalId: 'p-000001-1', at: '2000-06-29T14:05:00.000Z', actorName: 'alice', channel: 'cli' } as const;
    const again = await evaluate(policy, holdings, market, NOW, { recentExits: [], rejections: [rejected] });
    expect(again.proposals).toMatchObject([{ symbol: 'KO', side: 'sell', rejectedEarlier: rejected }]);
    const other = await evaluate(policy, holdings, market, NOW, { recentExits: [], rejections: [{ ...rejected, side: 'buy' }, { ...rejected, symbol: 'PG' }] });
    expect(other.proposals[0]!.rejectedEarlier).toBeUndefined();
  });
});
