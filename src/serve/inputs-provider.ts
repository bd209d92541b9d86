import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { InputError } from '../errors.js';
import type { MarketSnapshot } from '../market/market-snapshot.js';
import { parseHoldings } from '../market/parse-holdings.js';
import { parsePricePanel } from '../market/parse-price-panel.js';
import type { PricePanel } from '../market/price-panel.js';
import { snapshotForPolicy } from '../market/snapshot-for-holdings.js';
import type { Holdings } from '../portfolio/holdings.js';
import type { Policy } from '../policy/policy.js';
import type { Slot } from '../schedule/schedule.js';

/** What a scheduled run evaluates: the account's holdings and the prices, with the files they came from. */
export interface SlotInputs {
  readonly holdings: Holdings;
  readonly market: MarketSnapshot;
  /** Where the holdings came from, as shown in the run record (a path, or e.g. `broker:paper-dee`). */
  readonly holdingsFile: string;
  readonly pricesFile: string;
}

/**
 * Supplies the inputs of a scheduled run: the seam where a broker or a price feed plugs in. Throw `InputError` for
 * unusable inputs; the slot is then recorded as failed.
 */
export interface InputsProvider {
  inputsFor(policy: Policy, slot: Slot): Promise<SlotInputs>;
}

/** The bundled price panel, relative to the examples folder. */
const EXAMPLE_PRICES = join('prices', 'dow30-daily-1991-2000.csv');

/**
 * The default provider, like `ballast run`: `examples/holdings/<policy id>.csv` (read at every run, so edits count)
 * and the bundled Dow 30 closes as of the slot's local date — i.e. the last bundled close (2001-01-02) for any slot
 * after the data. The price panel is read once.
 */
export function exampleInputs(examplesDir: string, cwd: string): InputsProvider {
  let panel: Promise<PricePanel> | undefined;
  const shown = (path: string): string => relative(cwd, path) || path;
  return {
    async inputsFor(policy, slot) {
      const pricesPath = join(examplesDir, EXAMPLE_PRICES);
      panel ??= read(pricesPath, shown(pricesPath)).then((text) => parsePricePanel(shown(pricesPath), text));
      const prices = await panel.catch((error: unknown) => {
        panel = undefined;
        throw error;
      });
      const holdingsPath = join(examplesDir, 'holdings', `${policy.id}.csv`);
      const holdings = parseHoldings(shown(holdingsPath), await read(holdingsPath, shown(holdingsPath)));
      return {
        holdings: holdings.holdings,
        market: snapshotForPolicy(prices, holdings, slot.date, policy),
        holdingsFile: holdings.file,
        pricesFile: prices.file,
      };
    },
  };
}

async function read(path: string, shown: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new InputError([{ file: shown, message: `cannot read: ${reason}` }]);
  }
}
