import { join } from 'node:path';

/** The bundled price panel, relative to the examples folder (Dow 30 daily closes, 1990-12-31 to 2001-01-02). */
export const EXAMPLE_PRICES = join('prices', 'dow30-daily-1991-2000.csv');

/** The example holdings of a policy, relative to the examples folder: `holdings/<policy id>.csv`. */
export function exampleHoldings(policyId: string): string {
  return join('holdings', `${policyId}.csv`);
}
