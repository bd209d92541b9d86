import { parseHoldings, type HoldingsFile } from '../market/parse-holdings.js';
import type { Policy } from '../policy/policy.js';
import { seedAccount } from '../portfolio/seed-account.js';
import { toHoldings } from '../portfolio/to-holdings.js';
import type { Store } from '../store/store.js';
import { readInput } from '../workspace/read-input.js';

/**
 * The holdings of the policy's paper account (`policy.account`) in `store`, seeding the account from the holdings
 * CSV at `csvPath` the first time, opened at `now` (note 001: the account, not the CSV, is what later evaluations
 * read, so executed approvals show in the next run). The result's `file` is `account <id>`. Throws `InputError` when
 * the account is new and the CSV cannot be read or parsed (named as `shown`).
 */
export async function accountHoldings(store: Store, policy: Policy, csvPath: string, shown: string, now: Date): Promise<HoldingsFile> {
  let account = store.account(policy.account);
  if (account === undefined) {
    const seed = parseHoldings(shown, await readInput(csvPath, shown));
    account = seedAccount({ accountId: policy.account, baseCurrency: policy.base_currency, holdings: seed.holdings, at: now.toISOString() });
    store.putAccount(account);
  }
  return { file: `account ${policy.account}`, holdings: toHoldings(account), rows: new Map() };
}
