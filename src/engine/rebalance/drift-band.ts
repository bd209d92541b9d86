/**
 * Tolerance in percentage points when comparing a drift with its band, so that a weight computed as
 * 11.499999999999998% still counts as exactly at an 11.5% band edge.
 */
export const BAND_EPSILON_PP = 1e-9;

/**
 * Half-width of the drift band in force for one symbol, in pp: the tightest of the absolute band and the
 * relative band, min(absolutePp, relativePct / 100 × targetWeightPct). Trading when |drift| ≥ this is the same as
 * "|drift| ≥ absolute OR |drift| ≥ relative × target" (note 004 §4.2). A 0% target has a 0 pp band.
 */
export function driftBandPp(targetWeightPct: number, absolutePp: number, relativePct: number): number {
  return Math.min(absolutePp, (relativePct / 100) * targetWeightPct);
}

/**
 * Whether a drift (pp) triggers a trade: |drift| ≥ band (a drift exactly at the band edge trades, note 004 §4.2)
 * and the drift is not zero (a 0% target not held has nothing to trade).
 */
export function breachesDriftBand(driftPp: number, bandPp: number): boolean {
  const size = Math.abs(driftPp);
  return size > BAND_EPSILON_PP && size >= bandPp - BAND_EPSILON_PP;
}
