import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { asOfInstant } from '../../src/market/as-of-instant.js';
import { parseHoldings } from '../../src/market/parse-holdings.js';
import { parsePricePanel } from '../../src/market/parse-price-panel.js';
import { snapshotForHoldings } from '../../src/market/snapshot-for-holdings.js';
import { validatePolicy } from '../../src/policy/validate-policy.js';

const ROOT = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

// Closes from examples/prices/dow30-daily-1991-2000.csv:
//   MSFT 2000-06-01 64.56, 2000-06-30 80.00      PG 2000-05-15 63.47, 2000-06-30 55.52
//   WMT  2000-06-01 56.55, 2000-06-30 57.23      IBM 2000-06-01 105.36, 2000-06-30 108.90
//   KO   2000-06-30 56.67
const HOLDINGS = `symbol,quantity,average_cost,opened_date
MSFT,100,64.56,2000-06-01
PG,200,63.47,2000-05-15
WMT,100,56.55,2000-06-01
IBM,150,105.36,2000-06-01
KO,100,56.67,2000-06-30
CASH,20000,,
`;

describe('evaluate on the bundled Dow 30 prices', () => {
  it('should propose what the DEE-BOT policy asks for on 2000-06-30, with hand-checked numbers', async () => {
    const validation = validatePolicy({ file: 'policies/dee-bot.yaml', text: read('policies/dee-bot.yaml') });
    if (!validation.ok) throw new Error('dee-bot.yaml should be valid');
    const policy = validation.policy;
    const panel = parsePricePanel('dow30.csv', read('examples/prices/dow30-daily-1991-2000.csv'));
    const holdings = parseHoldings('holdings.csv', HOLDINGS);
    const market = snapshotForHoldings(panel, holdings, '2000-06-30');

    const result = await evaluate(policy, holdings.holdings, market, asOfInstant('2000-06-30', policy.time_zone));

    // Equity = 20,000 + 100×80 + 200×55.52 + 100×57.23 + 150×108.90 + 100×56.67
    //        = 20,000 + 8,000 + 11,104 + 5,723 + 16,335 + 5,667 = 66,829
    expect(result.equity).toBeCloseTo(66_829, 9);
    expect(result.evaluatedAt).toBe('2000-06-30T20:00:00.000Z');

    // PG: (55.52 − 63.47) / 63.47 = −12.53% ≤ −10% cut-loss → sell all 200 = 11,104.00.
    //     slow-bleed (46 days, ≤ −7%) and concentration (11,104 / 66,829 = 16.6% ≥ 15%) fire too and fold in.
    // MSFT: (80 − 64.56) / 64.56 = +23.9% ≥ 20% → sell 50%: 50 sh = 4,000.00; weight 11.97% → 5.99%.
    // IBM: +3.36% over 29 days < 5% move → stale: sell all 150 = 16,335.00 (concentration, 24.4%, folds in).
    // WMT: +1.20% over 29 days → stale too, but the cap of 3 exits a week is spent: IBM wins the tie on
    //      days held (29 each) by symbol order.
    // KO: opened today, flat → nothing.
    expect(result.proposals).toMatchObject([
      { symbol: 'PG', kind: 'cut_loss', action: 'exit', quantity: 200, price: 55.52, notional: 11_104, alsoFired: ['custom:slow-bleed', 'concentration'] },
      { symbol: 'MSFT', kind: 'take_profit', action: 'trim', quantity: 50, price: 80, notional: 4_000 },
      { symbol: 'IBM', kind: 'stale', action: 'exit', quantity: 150, price: 108.9, notional: 16_335, alsoFired: ['concentration'] },
    ]);
    const [pg, msft] = result.proposals;
    expect(pg!.reason).toContain('down 12.5% since entry (63.47 → 55.52)');
    expect(msft!.weightBeforePct).toBeCloseTo((8_000 / 66_829) * 100, 5);
    expect(msft!.weightAfterPct).toBeCloseTo((4_000 / 66_829) * 100, 5);
    expect(result.dropped).toMatchObject([{ proposal: { symbol: 'WMT', kind: 'stale' }, constraint: 'max_exits_per_week' }]);
    const ibm = result.positions.find((p) => p.symbol === 'IBM')!;
    expect(ibm.days_held).toBe(29); // 2000-06-01 → 2000-06-30
    expect(ibm.weight_pct).toBeCloseTo((16_335 / 66_829) * 100, 5); // 24.443%
  });
});
