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
