import type { AllocationPolicy } from '../../policy/policy.js';
import { covarianceMatrix } from '../math/covariance-matrix.js';
import { capAllocations } from './cap-allocations.js';
import { ercWeights } from './erc-weights.js';
import { inverseVolAllocation } from './inverse-vol-allocation.js';
import { sharpeAllocation } from './sharpe-allocation.js';

/** What an allocation method is computed from: per strategy (same order), its sleeve returns and fixed percent. */
export interface AllocationInputs {
  /** Daily returns of each strategy's sleeve, oldest first (at most the last `lookback` are read). */
  readonly returns: readonly Float64Array[];
  /** `allocation_pct` of each strategy (method `fixed`). */
  readonly fixedPct: readonly (number | undefined)[];
}

/** Allocations a method proposes (fractions, Σ ≤ 1, each ≤ the cap) and, for a reader, what they rest on. */
export interface AllocationProposal {
  readonly weights: Float64Array;
  /** E.g. "Sharpe 1.20, 0.67, 0.71 over 60 sessions" or "fewer than 20 sleeve returns: equal". */
  readonly basis: string;
}

const fmt = (values: ArrayLike<number>, digits: number): string => Array.from(values, (v) => v.toFixed(digits)).join(', ');

function equal(n: number): Float64Array {
  return new Float64Array(n).fill(1 / n);
}

function erc(section: AllocationPolicy, returns: readonly Float64Array[]): AllocationProposal {
  const n = returns.length;
  const count = Math.min(section.lookback, ...returns.map((r) => r.length));
  if (count < Math.max(2, section.min_returns)) {
    return { weights: equal(n), basis: `fewer than ${section.min_returns} sleeve returns for a covariance: equal` };
  }
  const cov = covarianceMatrix(returns, count);
  for (let i = 0; i < n; i++) {
    if (!(cov[i * n + i]! > 0)) return { weights: equal(n), basis: 'a sleeve did not move over the window (no risk to equalize): equal' };
  }
  const result = ercWeights(cov, n);
  const vols = Array.from({ length: n }, (_, i) => Math.sqrt(cov[i * n + i]! * 252));
  const converged = result.converged ? '' : ` (stopped after ${result.sweeps} sweeps without converging)`;
  return { weights: result.weights, basis: `equal risk contributions over ${count} sessions, volatilities ${fmt(vols.map((v) => v * 100), 1)}%${converged}` };
}

/**
 * The allocations `section.method` proposes across strategies (note 003), capped at `section.max_pct` per strategy
 * (excess spread over the others, see {@link capAllocations}):
 * - `fixed`: each strategy's `allocation_pct` (their sum ≤ 100 is checked when the policy loads; the rest is cash);
 * - `equal`: 1/n;
 * - `sharpe`: ∝ max(Sharpe, 0) over `lookback` sleeve returns, equal when none is positive ({@link sharpeAllocation});
 * - `inverse_vol`: 1/σ normalized, σ = 1 under `min_returns` returns ({@link inverseVolAllocation});
 * - `erc`: equal risk contribution on the sample covariance of the sleeves' common last `lookback` returns
 *   ({@link ercWeights}); equal under `min_returns` returns or when a sleeve has zero variance.
 */
export function proposeAllocation(section: AllocationPolicy, inputs: AllocationInputs): AllocationProposal {
  const n = inputs.returns.length;
  let proposal: AllocationProposal;
  switch (section.method) {
    case 'fixed':
      proposal = { weights: Float64Array.from(inputs.fixedPct, (p) => (p ?? 0) / 100), basis: 'fixed allocation_pct' };
      break;
    case 'equal':
      proposal = { weights: equal(n), basis: 'equal' };
      break;
    case 'sharpe': {
      const { weights, sharpes, fallback } = sharpeAllocation(inputs.returns, section.lookback, section.min_returns);
      proposal = { weights, basis: `Sharpe ${fmt(sharpes, 2)} over up to ${section.lookback} sessions${fallback ? '; none positive: equal' : ''}` };
      break;
    }
    case 'inverse_vol': {
      const { weights, vols } = inverseVolAllocation(inputs.returns, section.lookback, section.min_returns);
      const shown = Array.from(vols, (v) => (v === 1 ? 'n/a' : `${(v * Math.sqrt(252) * 100).toFixed(1)}%`)).join(', ');
      proposal = { weights, basis: `inverse volatility over up to ${section.lookback} sessions (${shown}; n/a: under ${section.min_returns} returns, σ = 1)` };
      break;
    }
    case 'erc':
      proposal = erc(section, inputs.returns);
      break;
  }
  return { weights: capAllocations(proposal.weights, section.max_pct / 100), basis: proposal.basis };
}
