import { describe, expect, it } from 'vitest';
import { capAllocations } from '../../src/strategy/allocation/cap-allocations.js';
import { ercWeights } from '../../src/strategy/allocation/erc-weights.js';
import { inverseVolAllocation } from '../../src/strategy/allocation/inverse-vol-allocation.js';
import { positiveSharpeWeights, sharpeAllocation } from '../../src/strategy/allocation/sharpe-allocation.js';
import { covarianceMatrix } from '../../src/strategy/math/covariance-matrix.js';

const f64 = (...values: number[]): Float64Array => Float64Array.from(values);

function riskContributions(cov: Float64Array, w: Float64Array): number[] {
  const n = w.length;
  return Array.from(w, (wi, i) => {
    let s = 0;
    for (let j = 0; j < n; j++) s += cov[i * n + j]! * w[j]!;
    return wi * s;
  });
}

function expectEqualRiskContributions(cov: Float64Array, w: Float64Array): void {
  const rc = riskContributions(cov, w);
  const mean = rc.reduce((a, b) => a + b, 0) / rc.length;
  for (const c of rc) expect(Math.abs(c - mean) / mean).toBeLessThan(1e-8);
  expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  for (const x of w) expect(x).toBeGreaterThan(0);
}

describe('positiveSharpeWeights', () => {
  it("should reproduce note 000's Sharpe-weighted split of 1.20, 0.67, 0.71", () => {
    const { weights } = positiveSharpeWeights([1.2, 0.67, 0.71]);
    expect(Array.from(weights, (w) => Math.round(w * 1000) / 10)).toEqual([46.5, 26, 27.5]);
  });

  it('should give no weight to a negative Sharpe', () => {
    expect(Array.from(positiveSharpeWeights([1, -0.5, 3]).weights)).toEqual([0.25, 0, 0.75]);
  });

  it('should fall back to equal when every Sharpe is zero or negative (note 003)', () => {
    const { weights, fallback } = positiveSharpeWeights([-0.2, 0, -1.4]);
    expect(Array.from(weights)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(fallback).toBe(true);
  });
});

describe('sharpeAllocation', () => {
  it('should weigh trailing Sharpe ratios computed by hand', () => {
    // A: mean 0.02, sd 0.014142 → daily Sharpe 1.41421; B: mean 0.01, same sd → 0.70711; C: mean 0 → 0
    const { weights, sharpes } = sharpeAllocation([f64(0.01, 0.03), f64(0, 0.02), f64(-0.01, 0.01)], 60, 2);
    expect(sharpes[0]).toBeCloseTo(Math.SQRT2 * Math.sqrt(252), 10);
    expect(weights[0]).toBeCloseTo(2 / 3, 12);
    expect(weights[1]).toBeCloseTo(1 / 3, 12);
    expect(weights[2]).toBe(0);
  });

  it('should count a Sharpe as 0 under min_returns returns', () => {
    const { sharpes } = sharpeAllocation([f64(0.01, 0.03)], 60, 20);
    expect(sharpes[0]).toBe(0);
  });
});

describe('inverseVolAllocation', () => {
  it('should weigh 1/σ over the window', () => {
    const a = Float64Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 0.01 : -0.01));
    const b = a.map((r) => r * 2);
    const { weights } = inverseVolAllocation([a, b], 60, 20);
    expect(weights[0]).toBeCloseTo(2 / 3, 12);
    expect(weights[1]).toBeCloseTo(1 / 3, 12);
  });

  it('should take σ = 1 for a sleeve with fewer than 20 returns (note 003)', () => {
    const a = Float64Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 0.01 : -0.01)); // σ = 0.010260 (ddof 1)
    const sigmaA = Math.sqrt((20 * 0.0001) / 19);
    const { weights, vols } = inverseVolAllocation([a, f64(0.05, -0.05, 0.02)], 60, 20);
    expect(vols[1]).toBe(1);
    expect(weights[0]).toBeCloseTo(1 / sigmaA / (1 / sigmaA + 1), 12);
  });

  it('should be equal when no sleeve has 20 returns yet', () => {
    expect(Array.from(inverseVolAllocation([f64(0.01), f64(0.5, 0.2)], 60, 20).weights)).toEqual([0.5, 0.5]);
  });
});

describe('ercWeights', () => {
  it('should equal inverse volatility for uncorrelated assets', () => {
    const cov = Float64Array.from([0.01, 0, 0, 0, 0.04, 0, 0, 0, 0.09]);
    const { weights } = ercWeights(cov, 3);
    expect(weights[0]).toBeCloseTo(6 / 11, 12);
    expect(weights[1]).toBeCloseTo(3 / 11, 12);
    expect(weights[2]).toBeCloseTo(2 / 11, 12);
  });

  it('should equalize risk contributions w_i (Σw)_i within 1e-8 for a correlated 3-asset covariance', () => {
    // σ = 10%, 20%, 30%; ρ12 = 0.8, ρ13 = −0.2, ρ23 = 0.5
    const s = [0.1, 0.2, 0.3];
    const rho = [[1, 0.8, -0.2], [0.8, 1, 0.5], [-0.2, 0.5, 1]];
    const cov = Float64Array.from({ length: 9 }, (_, k) => s[Math.floor(k / 3)]! * s[k % 3]! * rho[Math.floor(k / 3)]![k % 3]!);
    const result = ercWeights(cov, 3);
    expect(result.converged).toBe(true);
    expectEqualRiskContributions(cov, result.weights);
  });

  it('should equalize risk contributions within 1e-8 for a 10-asset covariance of sample returns', () => {
    // Deterministic returns: a common factor plus asset-specific waves, 250 sessions.
    const series = Array.from({ length: 10 }, (_, a) =>
      Array.from({ length: 250 }, (_, t) => 0.004 * Math.sin(t / 7) * (1 + a / 5) + 0.002 * (a + 1) * Math.cos((t * (a + 3)) / 11) + 0.001 * Math.sin(t * (a + 1))),
    );
    const cov = covarianceMatrix(series, 250);
    const result = ercWeights(cov, 10);
    expect(result.converged).toBe(true);
    expectEqualRiskContributions(cov, result.weights);
  });
});

describe('covarianceMatrix', () => {
  it('should be the ddof-1 sample covariance of the common tail', () => {
    const cov = covarianceMatrix([[9, 1, 2, 3], [4, 6, 8]], 3); // tails 1,2,3 and 4,6,8
    expect(Array.from(cov)).toEqual([1, 2, 2, 4]);
  });
});

describe('capAllocations', () => {
  it("should cap at note 001's 40% and hand the excess to the others in proportion", () => {
    const capped = capAllocations(Float64Array.from([0.5, 0.3, 0.2]), 0.4);
    expect(capped[0]).toBe(0.4);
    expect(capped[1]).toBeCloseTo(0.36, 14);
    expect(capped[2]).toBeCloseTo(0.24, 14);
  });

  it('should leave the rest unallocated when every strategy is at the cap', () => {
    expect(Array.from(capAllocations(Float64Array.from([0.5, 0.5]), 0.4))).toEqual([0.4, 0.4]);
  });
});
