/**
 * The minus sign of every figure Ballast prints for people (U+2212, the typographic minus: as wide as `+`, never
 * broken from its number). One sign for the whole program: percents, pp, money, ratios. Machine output (`--json`,
 * CSV) keeps plain numbers.
 */
export const MINUS = '−';

/** Formats a percent for a trader to read: one decimal, the minus sign for negatives (`31.2`, `−8.4`, `0.0`). */
export function pct(value: number): string {
  return fixed(value, 1);
}

/** A number with `digits` decimals and the minus sign for negatives; a value that rounds to zero has no sign (`0.00`). */
export function fixed(value: number, digits: number): string {
  return signed(value.toFixed(digits));
}

/** Formats a price or amount in base currency with two decimals and thousands separators (`−1,234.50`). */
export function money(value: number): string {
  return signed(MONEY.format(value));
}

/** One formatter for every call: `toLocaleString` builds a new one each time, which dominates a 5,000-position run. */
const MONEY = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Formats a share quantity: whole numbers plainly, fractions with up to 6 decimals. */
export function shares(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(6).replace(/0+$/, '');
}

/**
 * A percent or pp figure for a reason, trailing zeros dropped: 2 decimals from 1 up ("14.2", "10"), 2 significant
 * digits below 1 so that small weights stay readable ("0.5", "0.0049"); the minus sign for negatives ("−3").
 */
export function formatPct(value: number): string {
  const size = Math.abs(value);
  const raw = size >= 1 || size < 1e-6 ? value.toFixed(2) : value.toFixed(Math.min(8, 1 - Math.floor(Math.log10(size))));
  return signed(raw.includes('.') ? raw.replace(/\.?0+$/, '') : raw);
}

/** A drift with its sign: "+4.2", "−3", "0". */
export function formatSignedPp(value: number): string {
  const text = formatPct(value);
  return value > 0 && text !== '0' ? `+${text}` : text;
}

/** `-1.5` → `−1.5`; `-0.00` → `0.00` (a figure that shows as zero has no sign). */
function signed(text: string): string {
  if (!text.startsWith('-')) return text;
  return /[1-9]/.test(text) ? `${MINUS}${text.slice(1)}` : text.slice(1);
}
