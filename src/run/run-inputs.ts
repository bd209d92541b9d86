import type { QuoteSource } from '../approval/approval-service.js';
import { InputError } from '../errors.js';
import { getCalendar } from '../market/calendars/get-calendar.js';
import type { MarketSnapshot } from '../market/market-snapshot.js';
import { panelQuotes } from '../market/panel-quotes.js';
import type { PricePanel } from '../market/price-panel.js';
import { indexKnownAt } from '../market/prices-known-at.js';
import { openedAfter, stalePrices } from '../market/input-freshness.js';
import { localDate } from '../time/zone-offset.js';
import { snapshotForPolicy } from '../market/snapshot-for-holdings.js';
import type { AccountState } from '../portfolio/account-state.js';
import type { Holdings } from '../portfolio/holdings.js';
import type { Policy } from '../policy/policy.js';
import { readHoldings, type HoldingsSource } from './holdings-source.js';

/** What one run evaluates: holdings and the prices known at its clock, with where each came from. */
export interface RunInputs {
  readonly holdings: Holdings;
  readonly market: MarketSnapshot;
  /** Where the holdings came from, as shown in the run record (a path, or e.g. `account paper-dee`). */
  readonly holdingsFile: string;
  readonly pricesFile: string;
  /** A paper account opened for this run from the example holdings: stored only if the run is recorded. */
  readonly openedAccount?: AccountState;
  /** The paper account the holdings were read from (`policy.account`); absent for holdings from a file. */
  readonly accountId?: string;
}

/**
 * Supplies a run's inputs at its clock and the quotes approvals execute at: the seam where a broker or a price feed
 * plugs in. Throw `InputError` for unusable inputs.
 */
export interface InputsProvider {
  /** Holdings now and the prices known at `at` (the run's clock). */
  inputsFor(policy: Policy, at: Date): Promise<RunInputs>;
  /** The price a decision re-checks and executes at (base currency per share), or undefined when there is none. */
  readonly quotes: QuoteSource;
}

/**
 * Inputs from a price panel: holdings from `holdings`, prices as known at the run's clock (the last close at or before
 * it, see `indexKnownAt`; every held symbol and every rebalance target). Quotes are the panel's closes as of
 * `quotesAsOf` (`YYYY-MM-DD`) when given, else as of the decision's UTC date.
 * Throws `InputError` when the panel has no close before the clock or lacks a needed price, when its newest close used
 * is older than the policy's `max_price_age_days` before the run's date, and when a held position was opened after it.
 */
export function panelInputs(prices: PricePanel, holdings: HoldingsSource, quotesAsOf?: string): InputsProvider {
  return {
    quotes: panelQuotes(prices, quotesAsOf),
    async inputsFor(policy, at) {
      const held = await readHoldings(holdings, policy, at);
      const index = indexKnownAt(prices, at, policy.time_zone, policy.calendar === undefined ? undefined : getCalendar(policy.calendar));
      if (index < 0) {
        throw new InputError([{ file: prices.file, message: `no prices known at ${at.toISOString()}; the file starts on ${prices.dates[0] ?? '(no rows)'}` }]);
      }
      const runDate = localDate(at.getTime(), policy.time_zone);
      const problems = [...openedAfter(held, runDate), ...[stalePrices(prices, index, runDate, policy.max_price_age_days) ?? []].flat()];
      if (problems.length > 0) throw new InputError(problems);
      return {
        holdings: held.holdings,
        market: snapshotForPolicy(prices, held, prices.dates[index]!, policy),
        holdingsFile: held.file,
        pricesFile: prices.file,
        ...(held.opened ? { openedAccount: held.opened } : {}),
        ...(holdings.kind === 'account' ? { accountId: policy.account } : {}),
      };
    },
  };
}
