import { describe, expect, it } from 'vitest';
import { resolveRebalanceOptions } from '../../../src/engine/rebalance/resolve-rebalance-options.js';
import type { RebalanceOptions } from '../../../src/engine/rebalance/rebalance-options.js';

function codeOf(options: RebalanceOptions): unknown {
  try {
    resolveRebalanceOptions(options);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('resolveRebalanceOptions', () => {
  it('should fill the note 004 §12 defaults', () => {
    const r = resolveRebalanceOptions({ targets: { weightsPct: { AA: 50 } } });
    expect(r).toMatchObject({
      absoluteBandPp: 2,
      relativeBandPct: 15,
      to: 'target',
      budget: { kind: 'pct', value: 10 },
      mode: 'buy_and_sell',
      tilt: 'neutral',
      step: 1,
      maxTrades: Infinity,
      minTradeValue: 0,
      maxPositionWeightPct: 100,
      cashTargetPct: 0,
    });
  });

  it('should split equal weight over the listed symbols after the cash target', () => {
    const r = resolveRebalanceOptions({ targets: { equal: ['AA', 'KO', 'XX', 'YY'] }, cashTargetPct: 4 });
    expect(r.targetsPct.get('KO')).toBe(24); // (100 − 4) / 4
  });

  it('should reject targets plus cash target above 100%', () => {
    expect(codeOf({ targets: { weightsPct: { AA: 60, KO: 35 } }, cashTargetPct: 6 })).toMatchObject({
      code: 'TARGETS_OVER_100',
      context: { sumPct: 101 },
    });
    expect(codeOf({ targets: { weightsPct: { AA: 60, KO: 35 } }, cashTargetPct: 5 })).toBeUndefined();
  });

  it('should reject bad values with the option path', () => {
    expect(codeOf({ targets: { weightsPct: { AA: -1 } } })).toMatchObject({ code: 'INVALID_TARGETS' });
    expect(codeOf({ targets: { equal: [] } })).toMatchObject({ code: 'INVALID_TARGETS' });
    expect(codeOf({ targets: { equal: ['AA', 'AA'] } })).toMatchObject({ code: 'INVALID_TARGETS' });
    expect(codeOf({ targets: { weightsPct: { AA: 1 } }, budgetPct: 5, budgetAmount: 100 })).toMatchObject({
      code: 'INVALID_OPTION',
      context: { path: 'budgetAmount' },
    });
    expect(codeOf({ targets: { weightsPct: { AA: 1 } }, bands: { absolutePp: -1 } })).toMatchObject({
      code: 'INVALID_OPTION',
      context: { path: 'bands.absolutePp' },
    });
    expect(codeOf({ targets: { weightsPct: { AA: 1 } }, fractionalStep: 0.3 })).toMatchObject({ context: { path: 'fractionalStep' } });
    expect(codeOf({ targets: { weightsPct: { AA: 1 } }, maxTrades: 2.5 })).toMatchObject({ context: { path: 'maxTrades' } });
    expect(codeOf({ targets: { weightsPct: { AA: 1 } }, tilt: 'contrarian' as never })).toMatchObject({ context: { path: 'tilt' } });
  });
});
