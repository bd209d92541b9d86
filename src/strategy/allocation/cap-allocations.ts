/**
 * Caps each allocation at `cap` (a fraction, note 001's "capital constraints (40% max)") and hands the excess to
 * the uncapped strategies in proportion to their allocations, repeating until none is above the cap. When every
 * strategy is at the cap, what is left stays unallocated (cash). Fractions; the input is not changed.
 */
export function capAllocations(weights: Float64Array, cap: number): Float64Array {
  const out = Float64Array.from(weights);
  const n = out.length;
  for (let round = 0; round < n; round++) {
    let excess = 0;
    let free = 0;
    for (let i = 0; i < n; i++) {
      if (out[i]! > cap) {
        excess += out[i]! - cap;
        out[i] = cap;
      } else if (out[i]! < cap) {
        free += out[i]!;
      }
    }
    if (excess <= 1e-15 || free <= 0) break;
    for (let i = 0; i < n; i++) if (out[i]! < cap) out[i] = out[i]! + (excess * out[i]!) / free;
  }
  return out;
}
