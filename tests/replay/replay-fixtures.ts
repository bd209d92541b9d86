import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parsePricePanel } from '../../src/market/parse-price-panel.js';
import type { PricePanel } from '../../src/market/price-panel.js';
import type { Policy } from '../../src/policy/policy.js';
import { validatePolicy } from '../../src/policy/validate-policy.js';

export const ROOT = join(import.meta.dirname, '../..');

/** The bundled Dow 30 closes, 1990-12-31 to 2001-01-02. */
export async function dow30(): Promise<PricePanel> {
  const file = 'examples/prices/dow30-daily-1991-2000.csv';
  return parsePricePanel(file, await readFile(join(ROOT, file), 'utf8'));
}

/** A policy file of the repository (`policies/…`) or of `tests/fixtures/replay/`, validated. */
export async function policyFile(path: string): Promise<Policy> {
  const validation = validatePolicy({ file: path, text: await readFile(join(ROOT, path), 'utf8') });
  if (!validation.ok) throw new Error(`${path} is invalid: ${validation.errors.map((e) => e.message).join('; ')}`);
  return validation.policy;
}

/** The same panel with every close of `symbol` from `from` on multiplied by `factor`. */
export function withSpike(panel: PricePanel, symbol: string, from: string, factor: number): PricePanel {
  const closes = new Map(panel.closes);
  const doctored = Float64Array.from(panel.closes.get(symbol)!);
  panel.dates.forEach((date, i) => {
    if (date >= from) doctored[i] = doctored[i]! * factor;
  });
  closes.set(symbol, doctored);
  return { ...panel, closes };
}
