import { describe, expect, it } from 'vitest';
import { replayMetrics } from '../../../src/replay/metrics/index.js';
import { fill, syntheticReplay } from '../../support/synthetic-replay.js';

// Ten sessions grown from 1,000 by these daily returns (the equity below is their running product):
//   r = +2%, −1%, +3%, −2%, +1%, 0%, −3%, +4%, +1%, −1%
const DATES = ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-08', '2024-01-09', '2024-01-10', '2024-01-11', '2024-01-12', '2024-01-15'];
const START = 1000;
const EQUITY = [
  1000 * 1.02, //                                  1,020.00
  1000 * 1.02 * 0.99, //                           1,009.80
  1000 * 1.02 * 0.99 * 1.03, //                    1,040.094   (peak)
  1000 * 1.02 * 0.99 * 1.03 * 0.98, //             1,019.29212
  1000 * 1.02 * 0.99 * 1.03 * 0.98 * 1.01, //      1,029.4850412
  1000 * 1.02 * 0.99 * 1.03 * 0.98 * 1.01, //      1,029.4850412
  1000 * 1.02 * 0.99 * 1.03 * 0.98 * 1.01 * 0.97, //  998.600489964 (trough)
  1000 * 1.02 * 0.99 * 1.03 * 0.98 * 1.01 * 0.97 * 1.04, // 1,038.544509563
  1000 * 1.02 * 0.99 * 1.03 * 0.98 * 1.01 * 0.97 * 1.04 * 1.01, // 1,048.929954658 (above the peak: recovered)
  1000 * 1.02 * 0.99 * 1.03 * 0.98 * 1.01 * 0.97 * 1.04 * 1.01 * 0.99, // 1,038.440655112
];
const SQRT_252 = Math.sqrt(252); // 15.874507866…

// mean(r) = (2 − 1 + 3 − 2 + 1 + 0 − 3 + 4 + 1 − 1)% / 10 = 4% / 10 = 0.004
// deviations from the mean: .016 −.014 .026 −.024 .006 −.004 −.034 .036 .006 −.014
// their squares sum to .000256 + .000196 + .000676 + .000576 + .000036 + .000016 + .001156 + .001296 + .000036
//   + .000196 = .00444; sample variance (ddof 1) = .00444 / 9; std = √(.00444 / 9) = 0.0222111…
const MEAN = 0.004;
const STD = Math.sqrt(0.00444 / 9);

function tenSessions(overrides: Parameters<typeof syntheticReplay>[2] = {}) {
  return syntheticReplay(DATES, EQUITY, { initialCapital: START, ...overrides });
}

describe('replayMetrics', () => {
  it('should compute total return and CAGR over calendar years of 365.25 days', () => {
    const m = replayMetrics(tenSessions());
    // total return = 1,038.440655112 / 1,000 − 1 = 3.8440655…%
    expect(m.policy.totalReturnPct).toBeCloseTo(3.8440655112, 8);
    expect(m.policy.finalEquity).toBeCloseTo(1038.440655112, 8);
    // years: from the day before the first session (2024-01-01) to 2024-01-15 = 14 days = 14 / 365.25 years
    expect(m.years).toBeCloseTo(14 / 365.25, 12);
    // CAGR = 1.038440655112^(365.25 / 14) − 1 = e^(26.0893 × 0.0377207) − 1 = 167.54…%
    expect(m.policy.cagrPct).toBeCloseTo((1.038440655112 ** (365.25 / 14) - 1) * 100, 6);
    expect(m.policy.cagrPct).toBeCloseTo(167.54, 1);
  });

  it('should annualize the volatility of daily simple returns with ddof 1 and √252', () => {
    // volatility = 0.0222111 × 15.8745 = 35.259%
    expect(replayMetrics(tenSessions()).policy.volatilityPct).toBeCloseTo(STD * SQRT_252 * 100, 9);
    expect(replayMetrics(tenSessions()).policy.volatilityPct).toBeCloseTo(35.259, 3);
  });

  it('should compute Sharpe with a zero risk-free rate by default', () => {
    // Sharpe = 0.004 / 0.0222111 × 15.8745 = 2.85884
    expect(replayMetrics(tenSessions()).policy.sharpe).toBeCloseTo((MEAN / STD) * SQRT_252, 9);
    expect(replayMetrics(tenSessions()).policy.sharpe).toBeCloseTo(2.8588, 4);
  });

  it('should subtract the daily equivalent of an annual risk-free rate', () => {
    // rf = 5% a year → rf_d = 1.05^(1/252) − 1 = 0.000193630; subtracting a constant leaves the std unchanged
    const rfDaily = 1.05 ** (1 / 252) - 1;
    expect(rfDaily).toBeCloseTo(0.00019363, 8);
    const m = replayMetrics(tenSessions(), { riskFreePct: 5 });
    // Sharpe = (0.004 − 0.000193630) / 0.0222111 × 15.8745 = 2.72045
    expect(m.policy.sharpe).toBeCloseTo(((MEAN - rfDaily) / STD) * SQRT_252, 9);
    expect(m.riskFreePct).toBe(5);
    // Sortino against rf_d: the 0% day is now below the target too, so five shortfalls count:
    //   −.01 − rf_d, −.02 − rf_d, −.03 − rf_d, −.01 − rf_d, 0 − rf_d
    const shortfalls = [-0.01, -0.02, -0.03, -0.01, 0].map((r) => r - rfDaily);
    const downside = Math.sqrt(shortfalls.reduce((sum, s) => sum + s * s, 0) / 10);
    expect(m.policy.sortino).toBeCloseTo(((MEAN - rfDaily) / downside) * SQRT_252, 9);
  });

  it('should compute Sortino with the downside deviation over all N returns', () => {
    // below 0: −1%, −2%, −3%, −1% → squares .0001 + .0004 + .0009 + .0001 = .0015, over all 10 returns: .00015
    // downside deviation = √.00015 = 0.0122474; Sortino = 0.004 / 0.0122474 × 15.8745 = 5.18459
    const sortino = replayMetrics(tenSessions()).policy.sortino;
    expect(sortino).toBeCloseTo((MEAN / Math.sqrt(0.0015 / 10)) * SQRT_252, 9);
    expect(sortino).toBeCloseTo(5.1846, 4);
    // over the 4 negative returns only it would be 0.004 / √(.0015 / 4) × 15.87 = 3.279: not what we report
    expect(sortino).not.toBeCloseTo(3.279, 1);
  });

  it('should find the maximum drawdown with its peak, trough and recovery dates', () => {
    // peak 1,040.094 on 01-04; trough 998.600 on 01-10: 0.98 × 1.01 × 1.00 × 0.97 − 1 = 0.960106 − 1 = −3.9894%
    // back above the peak on 01-12 (0.960106 × 1.04 × 1.01 = 1.008495)
    expect(replayMetrics(tenSessions()).policy.maxDrawdown).toEqual({
      pct: expect.closeTo(-3.9894, 9) as number,
      peakDate: '2024-01-04',
      troughDate: '2024-01-10',
      recoveryDate: '2024-01-12',
    });
  });

  it('should compute Calmar as CAGR over the absolute maximum drawdown', () => {
    // Calmar = 1.6754 / 0.039894 = 41.996
    const m = replayMetrics(tenSessions());
    expect(m.policy.calmar).toBeCloseTo((1.038440655112 ** (365.25 / 14) - 1) / 0.039894, 8);
  });

  it('should measure a drawdown from the starting capital when the first session is already below it', () => {
    // starts at 1,000 but the first close is 990 (costs): the peak is the starting capital, dated the first session
    const m = replayMetrics(syntheticReplay(['2024-01-02', '2024-01-03'], [990, 980], { initialCapital: 1000 }));
    expect(m.policy.maxDrawdown).toEqual({ pct: expect.closeTo(-2, 12) as number, peakDate: '2024-01-02', troughDate: '2024-01-03', recoveryDate: null });
  });

  it('should report null ratios and no drawdown dates for a series that never moves', () => {
    const flat = replayMetrics(syntheticReplay(DATES.slice(0, 3), [1000, 1000, 1000], { initialCapital: 1000 }));
    expect(flat.policy).toMatchObject({ totalReturnPct: 0, cagrPct: 0, volatilityPct: 0, sharpe: null, sortino: null, calmar: null });
    expect(flat.policy.maxDrawdown).toEqual({ pct: 0, peakDate: null, troughDate: null, recoveryDate: null });
  });

  it('should compute the same metrics for the benchmark from the same capital', () => {
    // benchmark: 1,000 → 1,010 → 1,030.2 → 1,009.596 (+1%, +2%, −2%)
    const benchmark = [1010, 1010 * 1.02, 1010 * 1.02 * 0.98];
    const m = replayMetrics(
      syntheticReplay(DATES.slice(0, 3), [1000, 1000, 1000], { initialCapital: 1000, benchmark: { label: 'buy and hold', equity: Float64Array.from(benchmark) } }),
    );
    expect(m.benchmark.label).toBe('buy and hold');
    expect(m.benchmark.totalReturnPct).toBeCloseTo(0.9596, 9);
    // mean = (.01 + .02 − .02) / 3 = .0033333; deviations .0066667 .0166667 −.0233333; squares
    // .0000444 + .0002778 + .0005444 = .0026 / 3; std = √(.0026 / 3 / 2) = .0208167;
    // Sharpe = .0033333 / .0208167 × 15.8745 = 2.54196
    expect(m.benchmark.sharpe).toBeCloseTo((0.01 / 3 / Math.sqrt(0.0026 / 3 / 2)) * SQRT_252, 9);
    expect(m.benchmark.sharpe).toBeCloseTo(2.542, 3);
    expect(m.benchmark.maxDrawdown).toMatchObject({ pct: expect.closeTo(-2, 9) as number, peakDate: '2024-01-03', troughDate: '2024-01-04' });
  });

  it('should count trades, turnover per run and per year, and costs', () => {
    const m = replayMetrics(
      tenSessions({
        runs: [
          { date: '2024-01-02', at: '2024-01-02T21:00:00.000Z', scheduleIds: ['weekly'], trades: 10, turnover: 1.0, proposals: [] }, // the first investment: 100%
          { date: '2024-01-09', at: '2024-01-09T21:00:00.000Z', scheduleIds: ['weekly'], trades: 2, turnover: 0.1, proposals: [] },
          { date: '2024-01-12', at: '2024-01-12T21:00:00.000Z', scheduleIds: ['weekly'], trades: 0, turnover: 0, proposals: [] },
        ],
        fills: [fill({ commission: 1.5 }), fill({ commission: 2.25 }), fill({ side: 'sell', commission: 1, realizedPnl: 40 })],
      }),
    );
    expect(m.trading).toMatchObject({ trades: 3, runs: 3, runsWithTrades: 2, commissionsPaid: 4.75, realizedPnl: 40 });
    // costs: 4.75 / 1,000 = 0.475% of the initial capital
    expect(m.trading.commissionsPaidPct).toBeCloseTo(0.475, 12);
    // turnover: total 100% + 10% + 0% = 110%; mean over the 2 runs that traded = 55%; max 100%;
    // per year: 110% / (14 / 365.25) = 2,869.82%
    expect(m.trading.turnover).toEqual({
      meanPerTradingRunPct: expect.closeTo(55, 12) as number,
      maxPerRunPct: 100,
      totalPct: expect.closeTo(110, 12) as number,
      annualizedPct: expect.closeTo((110 * 365.25) / 14, 9) as number,
    });
  });

  it('should count trades and the hit rate per rule', () => {
    const m = replayMetrics(
      tenSessions({
        fills: [
          fill({ ruleId: 'rebalance' }),
          fill({ ruleId: 'rebalance', side: 'sell', realizedPnl: 12 }),
          fill({ ruleId: 'take_profit', side: 'sell', realizedPnl: 50, commission: 1 }),
          fill({ ruleId: 'take_profit', side: 'sell', realizedPnl: 30, commission: 1 }),
          fill({ ruleId: 'take_profit', side: 'sell', realizedPnl: -0.5, commission: 1 }), // the commission ate the gain
          fill({ ruleId: 'cut_loss', side: 'sell', realizedPnl: -80 }),
        ],
      }),
    );
    expect(m.trading.rules).toEqual([
      // take_profit: 2 of 3 sells at a profit = 66.67%; 50 + 30 − 0.5 = 79.5 realized
      { ruleId: 'take_profit', trades: 3, buys: 0, sells: 3, winningSells: 2, hitRatePct: expect.closeTo(200 / 3, 12) as number, realizedPnl: 79.5, commissionsPaid: 3 },
      // rebalance: 1 buy, 1 sell at a profit = 100%
      { ruleId: 'rebalance', trades: 2, buys: 1, sells: 1, winningSells: 1, hitRatePct: 100, realizedPnl: 12, commissionsPaid: 0 },
      { ruleId: 'cut_loss', trades: 1, buys: 0, sells: 1, winningSells: 0, hitRatePct: 0, realizedPnl: -80, commissionsPaid: 0 },
    ]);
  });

  it('should measure time invested and how invested the money was', () => {
    // AA held on sessions 2..9 at 50%, BB on sessions 5..9 at 40%: invested on 8 of 10 sessions = 80%;
    // Σ weights per session: 0, 0, .5, .5, .5, .9, .9, .9, .9, .9 → 3 × .5 + 5 × .9 = 6.0; 6.0 / 10 = 60%
    const aa = Float64Array.from([0, 0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
    const bb = Float64Array.from([0, 0, 0, 0, 0, 0.4, 0.4, 0.4, 0.4, 0.4]);
    const m = replayMetrics(tenSessions({ symbols: ['AA', 'BB'], weights: [aa, bb] }));
    expect(m.trading.timeInvestedPct).toBe(80);
    expect(m.trading.averageInvestedPct).toBeCloseTo(60, 12);
  });

  it('should describe the replay it measured', () => {
    expect(replayMetrics(tenSessions())).toMatchObject({ policyId: 'test-policy', firstSession: '2024-01-02', lastSession: '2024-01-15', sessions: 10, initialCapital: 1000 });
  });

  it('should refuse a replay without sessions', () => {
    expect(() => replayMetrics(syntheticReplay([], []))).toThrow(expect.objectContaining({ code: 'NO_SESSIONS' }));
  });
});
