import { join, relative } from 'node:path';
import type { QuoteSource } from '../approval/approval-service.js';
import { accountHoldings } from '../jobs/account-holdings.js';
import type { MarketSnapshot } from '../market/market-snapshot.js';
import { panelQuotes } from '../market/panel-quotes.js';
import { parsePricePanel } from '../market/parse-price-panel.js';
import { snapshotForPolicy } from '../market/snapshot-for-holdings.js';
import type { Holdings } from '../portfolio/holdings.js';
import type { Policy } from '../policy/policy.js';
import type { Slot } from '../schedule/schedule.js';
import type { Store } from '../store/store.js';
import { EXAMPLE_PRICES, exampleHoldings } from '../workspace/example-files.js';
import { readInput } from '../workspace/read-input.js';

/** What a scheduled run evaluates: the account's holdings and the prices, with the files they came from. */
export interface SlotInputs {
  readonly holdings: Holdings;
  readonly market: MarketSnapshot;
  /** Where the holdings came from, as shown in the run record (a path, or e.g. `account paper-dee`). */
  readonly holdingsFile: string;
  readonly pricesFile: string;
}

/**
 * Supplies the inputs of a scheduled run and the quotes approvals are executed at: the seam where a broker or a
 * price feed plugs in. Throw `InputError` for unusable inputs; the slot is then recorded as failed.
 */
export interface InputsProvider {
  inputsFor(policy: Policy, slot: Slot): Promise<SlotInputs>;
  /** The price a decision re-checks and executes at (base currency per share), or undefined when there is none. */
  readonly quotes: QuoteSource;
}

/**
 * The default provider, like `ballast run`: the policy's paper account in `store` (seeded from
 * `examples/holdings/<policy id>.csv` the first time, so executed approvals count in the next run) and the bundled
 * Dow 30 closes as of the slot's local date — i.e. the last bundled close (2001-01-02) for any slot after the data.
 * Quotes are the same panel's closes as of the decision's UTC date. Reads the panel once, now: throws `InputError`
 * when it cannot be read or parsed, so `ballast serve` stops at start instead of failing every slot.
 */
export async function exampleInputs(examplesDir: string, cwd: string, store: Store): Promise<InputsProvider> {
  const shown = (path: string): string => relative(cwd, path) || path;
  const pricesPath = join(examplesDir, EXAMPLE_PRICES);
  const prices = parsePricePanel(shown(pricesPath), await readInput(pricesPath, shown(pricesPath)));
  return {
    quotes: panelQuotes(prices),
    async inputsFor(policy, slot) {
      const holdingsPath = join(examplesDir, exampleHoldings(policy.id));
      const holdings = await accountHoldings(store, policy, holdingsPath, shown(holdingsPath), new Date(slot.at));
      return {
        holdings: holdings.holdings,
        market: snapshotForPolicy(prices, holdings, slot.date, policy),
        holdingsFile: holdings.file,
        pricesFile: prices.file,
      };
    },
  };
}
