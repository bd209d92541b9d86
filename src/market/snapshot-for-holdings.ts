import { InputError, type InputProblem } from '../errors.js';
import type { HoldingsFile } from './parse-holdings.js';
import type { MarketSnapshot } from './market-snapshot.js';
import type { Policy } from '../policy/policy.js';
import { indexAsOf, type PricePanel } from './price-panel.js';
import { didYouMean } from '../util/did-you-mean.js';

/** Symbols that need a price although they are not held (rebalance targets), and why, for error messages. */
export interface AlsoPriced {
  readonly symbols: readonly string[];
  readonly why: string;
}

/**
 * Takes the prices the holdings need from the panel, as of `date` (`YYYY-MM-DD`; the last panel date on or before
 * it, so a weekend uses Friday's closes).
 *
 * `also` adds symbols that are not held but need a price (rebalance targets).
 * Throws {@link InputError} naming the holdings row of every symbol that is not a column of the panel or has no
 * price on that date, and an error when the panel has no date on or before `date`.
 */
export function snapshotForHoldings(panel: PricePanel, holdings: HoldingsFile, date: string, also: AlsoPriced = { symbols: [], why: '' }): MarketSnapshot {
  const index = indexAsOf(panel, date);
  if (index < 0) {
    throw new InputError([{ file: panel.file, message: `no prices on or before ${date}; the file starts on ${panel.dates[0] ?? '(no rows)'}` }]);
  }
  const priceDate = panel.dates[index]!;
  const problems: InputProblem[] = [];
  const prices = new Map<string, number>();
  for (const position of holdings.holdings.positions) {
    const row = holdings.rows.get(position.symbol);
    const closes = panel.closes.get(position.symbol);
    if (!closes) {
      problems.push({ file: holdings.file, row, column: 'symbol', message: `${position.symbol} is not a column of ${panel.file}` });
      continue;
    }
    const price = closes[index]!;
    if (Number.isNaN(price)) {
      problems.push({ file: holdings.file, row, column: 'symbol', message: `${position.symbol} has no price on ${priceDate} (${panel.file} row ${panel.rows[index]})` });
      continue;
    }
    prices.set(position.symbol, price);
  }
  for (const symbol of also.symbols) {
    if (prices.has(symbol)) continue;
    const price = panel.closes.get(symbol)?.[index];
    if (price === undefined) problems.push({ file: panel.file, message: `${symbol} (${also.why}) is not a column of ${panel.file}` });
    else if (Number.isNaN(price)) problems.push({ file: panel.file, row: panel.rows[index], column: symbol, message: `${symbol} (${also.why}) has no price on ${priceDate}` });
    else prices.set(symbol, price);
  }
  if (problems.length > 0) throw new InputError(problems);
  return { date: priceDate, prices };
}

/**
 * The prices a policy's evaluation needs as of `date`: every held symbol and, with an enabled `rebalance:` section,
 * every target symbol (for `equal: all`, every symbol of the panel with a price that day). With `strategies`, also every symbol of their universes that has a price that day (a listed
 * symbol that is not a column of the panel is an error, with a did-you-mean) and the price history up to `date`.
 * Errors as {@link snapshotForHoldings}.
 */
export function snapshotForPolicy(panel: PricePanel, holdings: HoldingsFile, date: string, policy: Policy): MarketSnapshot {
  const section = policy.rebalance?.enabled ? policy.rebalance : undefined;
  const strategies = policy.strategies ?? [];
  const priced = (symbol: string): boolean => {
    const index = indexAsOf(panel, date);
    return index >= 0 && !Number.isNaN(panel.closes.get(symbol)![index]!);
  };
  const equal = section?.equal === 'all' ? panel.symbols.filter(priced) : (section?.equal ?? []);
  const targets = section && strategies.length === 0 ? [...Object.keys(section.targets ?? {}), ...equal] : [];
  const listed = strategies.flatMap((s) => (s.universe === 'all' ? [] : s.universe));
  const unknown = [...new Set(listed)].filter((symbol) => !panel.closes.has(symbol));
  if (unknown.length > 0) {
    throw new InputError(unknown.map((symbol) => {
      const guess = didYouMean(symbol, panel.symbols);
      return { file: panel.file, message: `${symbol} (in a strategy universe of ${policy.id}) is not a column of ${panel.file}${guess ? `; did you mean ${guess}?` : ''}` };
    }));
  }
  const snapshot = snapshotForHoldings(panel, holdings, date, { symbols: targets, why: `a rebalance target of ${policy.id}` });
  if (strategies.length === 0) return snapshot;
  const index = indexAsOf(panel, snapshot.date);
  const universe = strategies.some((s) => s.universe === 'all') ? panel.symbols : listed;
  const prices = new Map(snapshot.prices);
  for (const symbol of universe) {
    const price = panel.closes.get(symbol)![index]!;
    if (price > 0 && !prices.has(symbol)) prices.set(symbol, price);
  }
  return { ...snapshot, prices, history: { panel, index } };
}
