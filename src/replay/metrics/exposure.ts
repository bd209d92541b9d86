/** How much of a replay was spent holding positions, in percent. */
export interface Exposure {
  /** Sessions with at least one position / all sessions × 100 (backtesting.py's "Exposure Time"). */
  readonly timeInvestedPct: number;
  /** Mean over sessions of Σ live weights × 100, i.e. of (equity − cash) / equity: how invested the money was. */
  readonly averageInvestedPct: number;
}

/** Computes {@link Exposure} from the per-symbol live weight columns (`weights[j][i]`, 0..1) over `sessions` sessions. */
export function exposure(weights: readonly Float64Array[], sessions: number): Exposure {
  const invested = new Float64Array(sessions);
  const holds = new Uint8Array(sessions);
  for (const column of weights) {
    for (let i = 0; i < sessions; i++) {
      const w = column[i];
      if (w !== 0) {
        invested[i] += w;
        holds[i] = 1;
      }
    }
  }
  let sessionsInvested = 0;
  let investedSum = 0;
  for (let i = 0; i < sessions; i++) {
    sessionsInvested += holds[i];
    investedSum += invested[i];
  }
  return {
    timeInvestedPct: sessions > 0 ? (sessionsInvested / sessions) * 100 : 0,
    averageInvestedPct: sessions > 0 ? (investedSum / sessions) * 100 : 0,
  };
}
