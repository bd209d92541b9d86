import type { BrokerPositions } from '../market/parse-broker-positions.js';
import type { AccountState } from './account-state.js';

/**
 * One symbol compared: shares in the paper account and at the broker, and the differences. `quantityDiff` is
 * broker − ours (shares); `quantityDiffPct` is |quantityDiff| in percent of the larger of the two (100 when one side
 * holds none); `valueDiff` is quantityDiff × `price` (base currency) and `valueDiffPct` its size in percent of the
 * account's equity. `overThreshold` when either percentage is above the threshold.
 */
export interface PositionDifference {
  readonly symbol: string;
  readonly ours: number;
  readonly broker: number;
  readonly quantityDiff: number;
  readonly quantityDiffPct: number;
  readonly price: number;
  readonly valueDiff: number;
  readonly valueDiffPct: number;
  readonly overThreshold: boolean;
}

/** An account compared with a broker's export (note 000's reconciliation). Money in base currency. */
export interface Reconciliation {
  readonly accountId: string;
  /** The paper account's equity at the prices used: cash + Σ shares × price. */
  readonly equity: number;
  readonly thresholdPct: number;
  /** Every symbol held on either side, in alphabetical order. */
  readonly positions: readonly PositionDifference[];
  /** Cash compared, when the export lists it: `diff` = broker − ours, `diffPct` of equity. */
  readonly cash?: { readonly ours: number; readonly broker: number; readonly diff: number; readonly diffPct: number; readonly overThreshold: boolean };
  /** How many positions (and cash) differ by more than the threshold. */
  readonly differences: number;
}

/**
 * Compares a paper account's positions (Σ of its lots per symbol) and cash with a broker's export. `price(symbol)`
 * values a share (the caller's marks, falling back to the broker's price, then the average cost); percentages are
 * rounded to 6 decimals before comparing with `thresholdPct`, so a difference exactly at the threshold is not
 * reported. Pure.
 */
export function reconcilePositions(account: AccountState, broker: BrokerPositions, price: (symbol: string) => number, thresholdPct: number): Reconciliation {
  const ours = new Map<string, number>();
  for (const lot of account.lots) ours.set(lot.symbol, (ours.get(lot.symbol) ?? 0) + lot.quantity);
  const theirs = new Map(broker.positions.map((p) => [p.symbol, p.quantity]));
  const equity = account.cash + [...ours].reduce((sum, [symbol, quantity]) => sum + quantity * price(symbol), 0);
  const ofEquity = (amount: number): number => (equity > 0 ? round6((Math.abs(amount) / equity) * 100) : amount === 0 ? 0 : 100);
  const symbols = [...new Set([...ours.keys(), ...theirs.keys()])].sort();
  const positions = symbols.map((symbol): PositionDifference => {
    const a = ours.get(symbol) ?? 0;
    const b = theirs.get(symbol) ?? 0;
    const quantityDiff = b - a;
    const larger = Math.max(a, b);
    const quantityDiffPct = larger === 0 ? 0 : round6((Math.abs(quantityDiff) / larger) * 100);
    const valueDiff = Math.round(quantityDiff * price(symbol) * 100) / 100;
    const valueDiffPct = ofEquity(valueDiff);
    return { symbol, ours: a, broker: b, quantityDiff, quantityDiffPct, price: price(symbol), valueDiff, valueDiffPct, overThreshold: quantityDiffPct > thresholdPct || valueDiffPct > thresholdPct };
  });
  const cash = broker.cash === undefined ? undefined : (() => {
    const diff = Math.round((broker.cash - account.cash) * 100) / 100;
    const diffPct = ofEquity(diff);
    return { ours: account.cash, broker: broker.cash, diff, diffPct, overThreshold: diffPct > thresholdPct };
  })();
  const differences = positions.filter((p) => p.overThreshold).length + (cash?.overThreshold ? 1 : 0);
  return { accountId: account.accountId, equity: Math.round(equity * 100) / 100, thresholdPct, positions, ...(cash ? { cash } : {}), differences };
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
