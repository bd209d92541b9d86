import { describe, expect, it } from 'vitest';
import { dailyReturns } from '../../src/strategy/factors/daily-returns.js';
import { durbinWatson } from '../../src/strategy/factors/durbin-watson.js';
import { sampleExcessKurtosis } from '../../src/strategy/factors/kurtosis.js';
import { momentum } from '../../src/strategy/factors/momentum.js';
import { factorValue } from '../../src/strategy/signals/factor-value.js';
import { rollingVolatility } from '../../src/strategy/factors/rolling-volatility.js';
import { annualizedVolatility } from '../../src/replay/metrics/index.js';

describe('dailyReturns', () => {
  it('should give P_t / P_{t-1} - 1 over the window ending at the decision session', () => {
    const closes = Float64Array.from([50, 100, 110, 99]);
    expect(Array.from(dailyReturns(closes, 3, 2)!)).toEqual([0.10000000000000009, -0.09999999999999998]);
  });

  it('should refuse a window with a missing close or one that starts before the data', () => {
    expect(dailyReturns(Float64Array.from([100, NaN, 110]), 2, 2)).toBeUndefined();
    expect(dailyReturns(Float64Array.from([100, 110]), 1, 2)).toBeUndefined();
  });
});

describe('the volatility factor', () => {
  it('should be the ddof-1 standard deviation of daily returns times sqrt(252)', () => {
    // returns 0.01, −0.01, 0.02, 0: mean 0.005; squared deviations sum to 5e-4; / 3 × 252 = 0.042
    const closes = Float64Array.from([100, 101, 99.99, 101.9898, 101.9898]);
    expect(factorValue({ factor: 'volatility', lookback: 4, skip: 0 }, closes, 4, new Float64Array(4))).toBeCloseTo(Math.sqrt(0.042), 12);
  });
});

describe('momentum', () => {
  const closes = Float64Array.from([100, 105, 120, 90]);
  it('should give P_t / P_{t-L} - 1', () => {
    expect(momentum(closes, 3, 3)).toBeCloseTo(-0.1, 14);
  });

  it('should skip the latest sessions when asked', () => {
    expect(momentum(closes, 3, 2, 1)).toBeCloseTo(0.2, 14); // 120 / 100 − 1
  });
});

describe('sampleExcessKurtosis', () => {
  it('should match the bias-corrected G2 estimator computed by hand', () => {
    // x = 1,2,3,4,10: mean 4, Σd² = 50, Σd⁴ = 1394; G2 = (4 / 6) × (5·6·1394 / 2500 − 12) = 3.152
    expect(sampleExcessKurtosis(Float64Array.from([1, 2, 3, 4, 10]))).toBeCloseTo(3.152, 12);
  });

  it('should be undefined (NaN) under 4 values', () => {
    expect(sampleExcessKurtosis(Float64Array.from([1, 2, 3]))).toBeNaN();
  });
});

describe('durbinWatson', () => {
  it('should give 3 for perfectly alternating returns', () => {
    // e = 1, −1, 1, −1: Σ(Δe)² = 3 × 4 = 12, Σe² = 4
    expect(durbinWatson(Float64Array.from([1, -1, 1, -1]))).toBe(3);
  });

  it('should demean before summing, as statsmodels on residuals', () => {
    // 1,2,3,4 → e = −1.5, −0.5, 0.5, 1.5: Σ(Δe)² = 3, Σe² = 5
    expect(durbinWatson(Float64Array.from([1, 2, 3, 4]))).toBeCloseTo(0.6, 14);
  });
});

describe('rollingVolatility', () => {
  it('should agree with the two-pass standard deviation to 1e-12 over every window of a long series', () => {
    const closes = Float64Array.from({ length: 600 }, (_, t) => 50 * Math.exp(0.0003 * t + 0.02 * Math.sin(t * 1.7) + 0.01 * Math.cos(t * t * 0.013)));
    for (let end = 60; end < closes.length; end += 7) {
      const rolled = rollingVolatility(closes, end, 60)!;
      const direct = annualizedVolatility(dailyReturns(closes, end, 60)!)!;
      expect(Math.abs(rolled - direct) / direct).toBeLessThan(1e-12);
    }
  });

  it('should refuse a window with a gap, as the two-pass computation does', () => {
    const closes = Float64Array.from([100, 101, NaN, 103, 104, 105]);
    expect(rollingVolatility(closes, 5, 4)).toBeUndefined(); // the window reaches the missing close
    expect(rollingVolatility(closes, 5, 2)).toBeCloseTo(annualizedVolatility(dailyReturns(closes, 5, 2)!)!, 12);
  });
});
