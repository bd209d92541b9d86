import type { Decimal } from './decimal.js';
import { PortfolioError } from '../errors.js';
import { readPrice } from './ledger-values.js';

/**
 * Marks to value positions at: symbol → price per share in base currency (≥ 0). A `MarketSnapshot`'s `prices` map
 * fits as is; a plain object works too.
 */
export type Prices = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/**
 * Looks up a held symbol's mark as an exact decimal. Throws `PortfolioError` `MISSING_PRICE` when there is none,
 * `INVALID_PRICE` when it is negative or not finite.
 */
export function priceOf(prices: Prices, symbol: string): Decimal {
  const value = isMap(prices) ? prices.get(symbol) : Object.hasOwn(prices, symbol) ? prices[symbol] : undefined;
  if (value === undefined) {
    throw new PortfolioError('MISSING_PRICE', `No price for ${symbol}, which the account holds`, 'pass a mark for every held symbol', {
      symbol,
    });
  }
  return readPrice(value, `price of ${symbol}`, true);
}

function isMap(prices: Prices): prices is ReadonlyMap<string, number> {
  return prices instanceof Map;
}
