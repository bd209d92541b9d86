import type { FactorSignal, StrategyPolicy } from '../../policy/policy.js';
import type { PriceHistory } from '../../market/price-history.js';
import { rollingVolatility } from '../factors/rolling-volatility.js';
import { defaultRank, factorValue } from './factor-value.js';
import { rankAndSelect, type Scored } from './rank-and-select.js';
import { signalAsOf, type SignalFile } from './signal-file.js';
import { weighSelection } from './weigh-selection.js';
import { FatalError } from '../../errors.js';

/** Window of the volatility behind `inverse_vol` weights of a file signal, in daily returns. */
const FILE_VOLATILITY_LOOKBACK = 60;

/** What one strategy wants at a rebalance: its weights and how it got them. */
export interface StrategySignalResult {
  /** symbol → weight, a fraction of the sleeve (0.25 = 25%); negative only from a `weight` file (a short). */
  readonly weights: ReadonlyMap<string, number>;
  /** Date of the signal: the decision session for a factor, the file's date for a file. */
  readonly signalDate: string;
  /** Names the universe had with a price at the decision session. */
  readonly universeSize: number;
  /** What a reader should know: names without enough history, weights scaled down, names without a price. */
  readonly notes: readonly string[];
}

function universeOf(strategy: StrategyPolicy, history: PriceHistory): string[] {
  const { panel, index } = history;
  const symbols = strategy.universe === 'all' ? panel.symbols : strategy.universe;
  return symbols.filter((s) => (panel.closes.get(s)?.[index] ?? NaN) > 0);
}

function volatilityOver(history: PriceHistory, lookback: number): (symbol: string) => number | undefined {
  return (symbol) => {
    const closes = history.panel.closes.get(symbol);
    return closes && rollingVolatility(closes, history.index, lookback);
  };
}

function listNote(what: string, symbols: readonly string[]): string[] {
  if (symbols.length === 0) return [];
  const shown = symbols.length > 8 ? `${symbols.slice(0, 8).join(', ')} and ${symbols.length - 8} more` : symbols.join(', ');
  return [`${what}: ${shown}`];
}

function fromFactor(strategy: StrategyPolicy, signal: FactorSignal, history: PriceHistory, universe: readonly string[]): StrategySignalResult {
  const scratch = new Float64Array(Math.max(signal.lookback, 1));
  const scored: Scored[] = [];
  const short: string[] = [];
  for (const symbol of universe) {
    const value = factorValue(signal, history.panel.closes.get(symbol)!, history.index, scratch);
    if (value === undefined) short.push(symbol);
    else scored.push({ symbol, value });
  }
  const selected = rankAndSelect(scored, strategy.rank ?? defaultRank(signal.factor), strategy.select);
  const byValue = new Map(scored.map((s) => [s.symbol, s.value]));
  const volatility = signal.factor === 'volatility' ? (s: string) => byValue.get(s) : volatilityOver(history, signal.lookback);
  const weighed = weighSelection(selected, strategy.weighting, volatility);
  const needs = signal.factor === 'momentum' ? signal.lookback + signal.skip + 1 : signal.lookback + 1;
  return {
    weights: weighed.weights,
    signalDate: history.panel.dates[history.index]!,
    universeSize: universe.length,
    notes: [...listNote(`not enough history (${needs} closes without a gap)`, short), ...weighed.notes],
  };
}

function fromFile(strategy: StrategyPolicy, file: SignalFile, maxAgeDays: number, history: PriceHistory, universe: readonly string[]): StrategySignalResult {
  const today = history.panel.dates[history.index]!;
  const snapshot = signalAsOf(file, today, maxAgeDays, strategy.id);
  const priced = new Set(universe);
  const outside = snapshot.rows.filter((r) => !priced.has(r.symbol)).map((r) => r.symbol);
  const rows = snapshot.rows.filter((r) => priced.has(r.symbol));
  const notes = listNote(`in ${file.file} on ${snapshot.date} but not in the universe with a price on ${today}`, outside);
  if (file.column === 'score') {
    const selected = rankAndSelect(rows.map((r) => ({ symbol: r.symbol, value: r.value })), strategy.rank ?? 'descending', strategy.select);
    const weighed = weighSelection(selected, strategy.weighting, volatilityOver(history, FILE_VOLATILITY_LOOKBACK));
    return { weights: weighed.weights, signalDate: snapshot.date, universeSize: universe.length, notes: [...notes, ...weighed.notes] };
  }
  const weights = new Map(rows.filter((r) => r.value !== 0).map((r) => [r.symbol, r.value]));
  let long = 0;
  for (const w of weights.values()) if (w > 0) long += w;
  if (long > 1 + 1e-9) {
    for (const [symbol, w] of weights) weights.set(symbol, w / long);
    notes.push(`long weights in ${file.file} sum to ${(long * 100).toFixed(1)}% of the sleeve; scaled to 100% (a sleeve is not levered)`);
  }
  return { weights, signalDate: snapshot.date, universeSize: universe.length, notes };
}

/**
 * The weights one strategy wants at a rebalance on the session `history.index`: its universe (symbols with a
 * price that session), its signal (a built-in factor over daily closes, or the latest rows of its file), its
 * ranking (`rank`, default by factor: {@link defaultRank}; scores highest first), selection and weighting. A
 * `weight` file is used as given (its long side scaled to at most 100% of the sleeve).
 *
 * @param signalFile the parsed file of a file signal (required then, ignored otherwise).
 * @throws InputError for a file signal that is missing, stale or has nothing on or before the session.
 */
export function strategyWeights(strategy: StrategyPolicy, history: PriceHistory, signalFile?: SignalFile): StrategySignalResult {
  const universe = universeOf(strategy, history);
  const signal = strategy.signal;
  if ('factor' in signal) return fromFactor(strategy, signal, history, universe);
  if (signalFile === undefined) {
    throw new FatalError('INTERNAL', `strategyWeights: strategy ${strategy.id} reads ${signal.file}, which was not loaded`, 'please report this as a bug');
  }
  return fromFile(strategy, signalFile, signal.max_age_days, history, universe);
}
