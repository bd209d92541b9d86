/**
 * Exact decimal arithmetic for the ledger (BigInt based, no rounding unless asked for).
 *
 * Why: the accounting identities must hold to 1e-9 at equities of 1e8 and more, where a double's own spacing is
 * ~1.5e-8, so float sums cannot be compared that finely. Every number that enters the ledger (a price, a quantity,
 * an amount) is read as the decimal its shortest round-trip string shows (`String(x)`: `0.1` is exactly 1/10), all
 * sums and products are exact, and each reported figure is converted back to the nearest double once, at the end.
 */
import { FatalError } from '../errors.js';

/** An exact decimal: `units × 10^-scale` (`scale` ≥ 0). Plain data, internal to the ledger (not JSON-safe). */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

/** Zero, as a decimal. */
export const ZERO: Decimal = { units: 0n, scale: 0 };

const pow10Cache: bigint[] = [];

function pow10(n: number): bigint {
  let cached = pow10Cache[n];
  if (cached === undefined) {
    cached = 10n ** BigInt(n);
    pow10Cache[n] = cached;
  }
  return cached;
}

const NUMBER_PATTERN = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * Reads a finite double as the exact decimal its shortest round-trip string denotes (`0.1` → 1/10, `1e-7` → 1/10⁷).
 * Throws `INTERNAL` for NaN or ±Infinity (callers validate first and throw their own coded error).
 */
export function decimalFromNumber(value: number): Decimal {
  if (!Number.isFinite(value)) throw new FatalError('INTERNAL', `not a finite number: ${String(value)}`, 'validate amounts before converting them; please report this as a bug');
  const match = NUMBER_PATTERN.exec(String(value));
  if (match === null) throw new FatalError('INTERNAL', `cannot read ${String(value)} as a decimal`, 'please report this as a bug');
  const [, sign = '', whole = '0', fraction = '', exponentText = '0'] = match;
  let scale = fraction.length - Number(exponentText);
  let units = BigInt(whole + fraction);
  if (scale < 0) {
    units *= pow10(-scale);
    scale = 0;
  }
  return { units: sign === '-' ? -units : units, scale };
}

/** Converts an exact decimal to the nearest double (JavaScript's decimal-string parsing rounds correctly). */
export function decimalToNumber(value: Decimal): number {
  return Number(decimalToString(value));
}

/** Formats an exact decimal as a plain decimal string, e.g. `-12.3400` for `{ units: -123400n, scale: 4 }`. */
export function decimalToString(value: Decimal): string {
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString().padStart(value.scale + 1, '0');
  const whole = digits.slice(0, digits.length - value.scale);
  const fraction = value.scale > 0 ? `.${digits.slice(digits.length - value.scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  if (a.scale === b.scale) return [a.units, b.units, a.scale];
  if (a.scale > b.scale) return [a.units, b.units * pow10(a.scale - b.scale), a.scale];
  return [a.units * pow10(b.scale - a.scale), b.units, b.scale];
}

/** Exact `a + b`. */
export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return { units: x + y, scale };
}

/** Exact `a − b`. */
export function subtract(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return { units: x - y, scale };
}

/** Exact `a × b`. */
export function multiply(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** Exact sum of a list (0 for an empty list). */
export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const value of values) total = add(total, value);
  return total;
}

/** Compares exactly: −1 if `a < b`, 0 if equal, 1 if `a > b`. */
export function compare(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The larger of two decimals (exact). */
export function max(a: Decimal, b: Decimal): Decimal {
  return compare(a, b) >= 0 ? a : b;
}

/** `|a|`, exact. */
export function abs(a: Decimal): Decimal {
  return a.units < 0n ? { units: -a.units, scale: a.scale } : a;
}

function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let quotient = n / d;
  if ((n % d) * 2n >= d) quotient += 1n;
  return negative ? -quotient : quotient;
}

/** Rounds half away from zero to `places` decimals (2 = cents): 0.005 → 0.01, −0.005 → −0.01. */
export function roundHalfAwayFromZero(value: Decimal, places: number): Decimal {
  if (value.scale <= places) return value;
  return { units: divideRounded(value.units, pow10(value.scale - places)), scale: places };
}

/**
 * `a × b / c`, rounded half away from zero to `places` decimals, computed exactly before the one rounding.
 * Throws `INTERNAL` when `c` is zero.
 */
export function multiplyDivideRounded(a: Decimal, b: Decimal, c: Decimal, places: number): Decimal {
  if (c.units === 0n) throw new FatalError('INTERNAL', 'division by zero', 'please report this as a bug');
  const numerator = a.units * b.units * pow10(c.scale + places);
  const denominator = c.units * pow10(a.scale + b.scale);
  return { units: divideRounded(numerator, denominator), scale: places };
}

/** True when the decimal has no digits beyond `places` decimals (e.g. whole cents for `places` = 2). */
export function hasAtMostPlaces(value: Decimal, places: number): boolean {
  return compare(roundHalfAwayFromZero(value, places), value) === 0;
}
