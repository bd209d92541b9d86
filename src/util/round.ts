/** Products from 2^52 up have no fractional part to tell ties by: they take the text path. */
const MAX_EXACT_PRODUCT = 2 ** 52;
/** Relative distance to a half under which the text decides: far above the float product's error of ~3 ulps (7e-16). */
const TIE_TOLERANCE = 1e-12;

/**
 * Rounds half away from zero to `decimals` places, exactly for values that print with few digits.
 *
 * Plain `Math.round(x * 100) / 100` turns 1.005 into 1 because 1.005 * 100 is 100.49999…; shifting the decimal
 * point through the number's text avoids that. Money is rounded with `decimals = 2` (cents). Only products near a
 * half need the text: the others take the float product, which rounds the same way at a fraction of the cost.
 */
export function roundHalfAway(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  // Fast path: the float product |value| × 10^decimals is within a few ulps of the shifted text, so unless it lies
  // that close to a half (a tie the text must settle) both round to the same integer.
  const scale = 10 ** decimals;
  const product = Math.abs(value) * scale;
  if (product < MAX_EXACT_PRODUCT && Math.abs(product - Math.floor(product) - 0.5) > product * TIE_TOLERANCE) {
    const rounded = Math.round(product) / scale;
    return value < 0 ? -rounded : rounded;
  }
  const text = String(Math.abs(value));
  // Tiny or huge numbers print with an exponent ("1e-16"), which the text shift cannot extend; scale them instead.
  const shifted = text.includes('e') ? Math.abs(value) * 10 ** decimals : Number(`${text}e${decimals}`);
  const rounded = Math.round(shifted) / 10 ** decimals;
  return value < 0 ? -rounded : rounded;
}

/** Rounds money to cents, half away from zero. */
export function roundMoney(value: number): number {
  return roundHalfAway(value, 2);
}

/**
 * Rounds toward zero to `decimals` places (used for share quantities that must never exceed what a rule asks).
 * A value within 1e-9 of the next step up counts as that step, so 0.29 / 0.01 does not lose a share to float error.
 */
export function roundDown(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.floor(value * factor + 1e-9) / factor;
}

/** Rounds away from zero to `decimals` places, with the same 1e-9 tolerance as {@link roundDown}. */
export function roundUp(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.ceil(value * factor - 1e-9) / factor;
}
