import { access } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { InputError } from '../errors.js';
import { parseHoldings, type HoldingsFile } from '../market/parse-holdings.js';
import type { Policy } from '../policy/policy.js';
import type { AccountState } from '../portfolio/account-state.js';
import { seedAccount } from '../portfolio/seed-account.js';
import { toHoldings } from '../portfolio/to-holdings.js';
import type { Store } from '../store/store.js';
import { exampleHoldings } from '../workspace/example-files.js';
import { readInput } from '../workspace/read-input.js';

/**
 * Where a run reads holdings:
 * - `file`: a holdings CSV as it is (`evaluate`, `plan --holdings`); `shown` is the path as the user gave it;
 * - `account`: the policy's paper account (`policy.account`) in `store` (`run`, `serve`, `plan` without files), opened
 *   the first time from `<examples>/holdings/<policy id>.csv`, so that executed approvals count in the next run
 *   (note 001). `cwd` only shortens paths in messages.
 */
export type HoldingsSource =
  | { readonly kind: 'file'; readonly path: string; readonly shown: string }
  | { readonly kind: 'account'; readonly store: Store; readonly examples: string; readonly cwd: string };

/**
 * Reads the holdings a run evaluates. From an account: the stored ledger, or a new one opened at `at` (the run's
 * clock) from the example holdings, returned as `opened` and not stored here: the run stores it when it is recorded,
 * so a preview or a failed run writes nothing. The result's `file` is `account <id>` for an account. Throws `InputError` when the CSV cannot be
 * read or parsed, when a new account has no example holdings (naming the file to add), and when the account is
 * missing although runs were recorded for it (it is never opened again from the examples: its trades would be lost).
 */
export async function readHoldings(source: HoldingsSource, policy: Policy, at: Date): Promise<HoldingsFile & { readonly opened?: AccountState }> {
  if (source.kind === 'file') return parseHoldings(source.shown, await readInput(source.path, source.shown));
  const stored = source.store.account(policy.account);
  if (stored !== undefined) return { file: `account ${policy.account}`, holdings: toHoldings(stored), rows: new Map() };
  const path = join(source.examples, exampleHoldings(policy.id));
  const shown = relative(source.cwd, path) || path;
  const [earlier] = await source.store.runSummaries({ accountId: policy.account, limit: 1 });
  if (earlier !== undefined) {
    throw new InputError([{
      file: source.store.location,
      message: `paper account ${policy.account} has history (runs up to ${earlier.id}) but is missing from the database; Ballast will not open it again from ${shown}: restore the database from a backup (ballast.json.*.bak)`,
    }]);
  }
  if (!(await exists(path))) throw new InputError([{ file: shown, message: `no example holdings for ${policy.id}: add ${shown} to open its paper account ${policy.account}` }]);
  const seed = parseHoldings(shown, await readInput(path, shown));
  const opened = seedAccount({ accountId: policy.account, baseCurrency: policy.base_currency, holdings: seed.holdings, at: at.toISOString() });
  return { file: `account ${policy.account}`, holdings: toHoldings(opened), rows: new Map(), opened };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
