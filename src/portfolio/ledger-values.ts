import {
  type Decimal,
  compare,
  decimalFromNumber,
  decimalToNumber,
  hasAtMostPlaces,
  ZERO,
} from './decimal.js';
import { PortfolioError } from '../errors.js';

/** Money is kept in whole cents of the base currency. */
export const CENTS = 2;

/**
 * Reads a cash amount (base currency, whole cents) as an exact decimal.
 * `sign`: `'positive'` (> 0), `'non_negative'` (≥ 0, the default) or `'any'`. Throws `INVALID_AMOUNT`.
 */
export function readMoney(
  value: number,
  field: string,
  sign: 'positive' | 'non_negative' | 'any' = 'non_negative',
): Decimal {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new PortfolioError('INVALID_AMOUNT', `${field} is ${String(value)}.`, 'It must be a finite amount of base currency.', {
      field,
      value,
    });
  }
  const amount = decimalFromNumber(value);
  const cmp = compare(amount, ZERO);
  if ((sign === 'positive' && cmp <= 0) || (sign === 'non_negative' && cmp < 0)) {
    throw new PortfolioError('INVALID_AMOUNT', `${field} is ${value}.`, `It must be ${sign === 'positive' ? '> 0' : '≥ 0'}.`, {
      field,
      value,
    });
  }
  if (!hasAtMostPlaces(amount, CENTS)) {
    throw new PortfolioError('INVALID_AMOUNT', `${field} is ${value}.`, 'It must be whole cents (at most 2 decimals).', {
      field,
      value,
    });
  }
  return amount;
}

/** Reads a share quantity (> 0, exact as given) as a decimal. Throws `INVALID_QUANTITY`. */
export function readQuantity(value: number, field = 'quantity'): Decimal {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new PortfolioError('INVALID_QUANTITY', `${field} is ${String(value)}.`, 'It must be a finite number of shares > 0.', {
      field,
      value,
    });
  }
  return decimalFromNumber(value);
}

/**
 * Reads a price per share as a decimal: > 0 for quotes and fills, ≥ 0 for marks (`allowZero`).
 * Throws `INVALID_PRICE`.
 */
export function readPrice(value: number, field: string, allowZero = false): Decimal {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new PortfolioError(
      'INVALID_PRICE',
      `${field} is ${String(value)}.`,
      `It must be a finite price ${allowZero ? '≥ 0' : '> 0'} in base currency per share.`,
      { field, value },
    );
  }
  return decimalFromNumber(value);
}

/**
 * Converts an exact decimal to the double stored in the state, refusing with `NOT_REPRESENTABLE` when the double
 * would not read back as the same decimal (more than ~15 significant digits).
 */
export function toStored(value: Decimal, field: string): number {
  const stored = decimalToNumber(value);
  if (compare(decimalFromNumber(stored), value) !== 0) {
    throw new PortfolioError(
      'NOT_REPRESENTABLE',
      `${field} would lose precision when stored (${stored})`,
      'keep amounts below 10 trillion and quantities to 15 significant digits',
      { field, value: stored },
    );
  }
  return stored;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Checks an ISO 8601 time (`YYYY-MM-DD`, or a date-time with `Z` or an offset so it means one instant everywhere)
 * and returns its epoch milliseconds (parsing only; no clock read). Throws `INVALID_TIME`.
 */
export function readTime(at: string, field = 'at'): number {
  const ms = typeof at === 'string' && ISO_TIME.test(at) ? Date.parse(at) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new PortfolioError(
      'INVALID_TIME',
      `${field} is ${String(at)}.`,
      'It must be an ISO 8601 date (YYYY-MM-DD) or date-time with a zone (…Z or …+02:00).',
      { field, value: at },
    );
  }
  return ms;
}
