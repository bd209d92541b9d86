import type { FillTiming } from '../replay/replay-result.js';
import type { PolicyImpact } from './policy-impact.js';

/**
 * The impact part of a policy diff: the window and prices every replay used, and per policy changed in meaning what
 * both its replays started from (`examples/holdings/dee-bot.csv bought at the first close`, `100000 USD in cash`),
 * when they filled, and its {@link PolicyImpact}, or why it could not be replayed.
 */
export interface ImpactReport {
  readonly pricesFile: string;
  /** First and last date asked for, `YYYY-MM-DD`. */
  readonly from: string;
  readonly to: string;
  readonly policies: readonly ({ readonly policyId: string; readonly start: string; readonly fill: FillTiming } & ({ readonly impact: PolicyImpact } | { readonly error: string }))[];
}
