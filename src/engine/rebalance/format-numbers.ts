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

/** A share quantity rounded to the share step's decimals, so 3 × 0.1 reads 0.3 and never exceeds what was held. */
export function roundQuantity(units: number, step: number): number {
  return step === 1 ? units : Number((units * step).toFixed(10));
}
