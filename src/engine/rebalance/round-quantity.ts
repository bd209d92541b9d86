/** A share quantity rounded to the share step's decimals, so 3 × 0.1 reads 0.3 and never exceeds what was held. */
export function roundQuantity(units: number, step: number): number {
  return step === 1 ? units : Number((units * step).toFixed(10));
}
