import type { PricePanel } from '../../src/market/price-panel.js';
import type { Policy } from '../../src/policy/policy.js';
import { validatePolicy } from '../../src/policy/validate-policy.js';
import { addDays, isoWeekday } from '../../src/time/iso-date.js';

/** A valid policy from YAML text; throws with the diagnostics when it is not valid. */
export function policyFrom(text: string): Policy {
  const result = validatePolicy({ file: 'fixture.yaml', text });
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}:${e.col} ${e.path} ${e.message}`).join('\n'));
  return result.policy;
}

/**
 * A price panel of `count` weekday sessions from `start`, one column per symbol, with deterministic closes: each
 * symbol trends and wiggles at its own rate, so every factor ranks them differently.
 */
export function syntheticPanel(symbols: readonly string[], count: number, start = '2024-01-01'): PricePanel {
  const dates: string[] = [];
  for (let d = start; dates.length < count; d = addDays(d, 1)) if (isoWeekday(d) <= 5) dates.push(d);
  const closes = new Map(
    symbols.map((symbol, k) => [
      symbol,
      Float64Array.from(dates, (_, t) => 50 + 5 * k + t * 0.05 * (k - 3) + (1 + k / 3) * Math.sin((t + 1) * (0.7 + k / 5)) + 0.3 * Math.cos(t * t * 0.01 * (k + 1))),
    ]),
  );
  return { file: 'prices.csv', symbols, dates, rows: dates.map((_, i) => i + 2), closes };
}

/** The three strategies of note 000: volatility daily, Durbin-Watson weekly (7 sessions), kurtosis biweekly (14). */
export const NOTE_000 = `version: 1
id: note-000
account: paper
execution: { commission_bps: 5, slippage_bps: 5 }
strategies:
  - id: volatility
    rebalance: daily
    signal: { factor: volatility, lookback: 5 }
    select: { top: 3 }
    allocation_pct: 30
  - id: dw_factor
    rebalance: every 7 trading days
    signal: { factor: durbin_watson, lookback: 5 }
    select: { top: 3 }
    allocation_pct: 35
  - id: kurtosis
    rebalance: every 14 trading days
    signal: { factor: kurtosis, lookback: 5 }
    select: { top: 3 }
    allocation_pct: 35
allocation:
  method: fixed
`;
