import { relative } from 'node:path';
import { parsePricePanel } from '../market/parse-price-panel.js';
import type { PricePanel } from '../market/price-panel.js';
import { readInput } from './read-input.js';

/** Reads and parses a price panel CSV, reporting the path as the user gave it. Throws `InputError`. */
export async function loadPricePanel(path: string, cwd: string = process.cwd()): Promise<PricePanel> {
  const file = relative(cwd, path) || path;
  return parsePricePanel(file, await readInput(path, file));
}
