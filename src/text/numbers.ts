/** Formats a percent for a trader to read: one decimal, a minus sign for negatives (`31.2`, `−8.4`). */
export function pct(value: number): string {
  return value.toFixed(1).replace('-', '−');
}

/** Formats a price or amount in base currency with two decimals and thousands separators. */
export function money(value: number): string {
  return MONEY.format(value);
}

/** One formatter for every call: `toLocaleString` builds a new one each time, which dominates a 5,000-position run. */
const MONEY = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Formats a share quantity: whole numbers plainly, fractions with up to 6 decimals. */
export function shares(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(6).replace(/0+$/, '');
}

/**
 * A percent or pp figure for a reason, trailing zeros dropped: 2 decimals from 1 up ("14.2", "10"), 2 significant
 * digits below 1 so that small weights stay readable ("0.5", "0.0049").
 */
export function formatPct(value: number): string {
  const size = Math.abs(value);
  const raw = size >= 1 || size < 1e-6 ? value.toFixed(2) : value.toFixed(Math.min(8, 1 - Math.floor(Math.log10(size))));
  const text = raw.includes('.') ? raw.replace(/\.?0+$/, '') : raw;
  return text === '-0' ? '0' : text;
}

/** A drift with its sign: "+4.2", "-3", "0". */
export function formatSignedPp(value: number): string {
  const text = formatPct(value);
  return value > 0 && text !== '0' ? `+${text}` : text;
}
