import { resolve } from 'node:path';
import { FatalError } from '../../errors.js';
import { loadPricePanel } from '../../workspace/load-price-panel.js';
import { panelQuotes } from '../../market/panel-quotes.js';
import { markToMarket, type Valuation } from '../../portfolio/mark-to-market.js';
import { marks } from '../../portfolio/marks.js';
import { Store } from '../../store/store.js';
import { formatPositions } from '../../text/format-positions.js';
import { paintFor } from '../../text/use-color.js';
import type { CliIo } from '../cli-io.js';
import { dataDir } from '../data-dir.js';
import { EXIT } from '../exit-codes.js';
import { knownPolicy } from '../known-policy.js';

/** Options of `ballast positions`. */
export interface PositionsOptions {
  /** Only the paper account of this policy id. */
  readonly policy?: string;
  /** Only this paper account id (the older spelling of the filter, kept hidden). */
  readonly account?: string;
  /** Price panel for the marks; default: the prices file of the account's latest run. */
  readonly prices?: string;
  readonly json: boolean;
  readonly dataDir?: string;
}

/**
 * `ballast positions`: every paper account in the store (or the one `--policy` trades), valued at the latest marks:
 * positions, cash, equity, realized and unrealized P&L, commissions. Marks are the closes as of the account's latest
 * run date (a symbol without a price is carried at cost). Exit 0; 1 for a policy or account the database does not
 * know (`UNKNOWN_POLICY`, `UNKNOWN_ACCOUNT`).
 */
export async function positionsCommand(options: PositionsOptions, io: CliIo): Promise<number> {
  const store = await Store.open(dataDir(io, options.dataDir));
  const wanted = options.policy !== undefined ? (await knownPolicy(store, options.policy)).accountId : options.account;
  const known = store.accountIds();
  if (wanted !== undefined && !known.includes(wanted)) {
    throw new FatalError('UNKNOWN_ACCOUNT', `no paper account ${wanted} in ${store.location}`, known.length > 0 ? `the accounts are ${known.join(', ')}` : '`ballast run` opens one per policy');
  }
  const accounts = known.filter((id) => wanted === undefined || id === wanted);
  if (accounts.length === 0) {
    io.stderr('no paper accounts yet; `ballast run` opens one per policy');
    return EXIT.ok;
  }
  const out: { accountId: string; asOf: string; valuation: Valuation }[] = [];
  for (const accountId of accounts) {
    const state = store.account(accountId)!;
    const [run] = await store.runSummaries({ accountId, limit: 1 });
    const pricesFile = options.prices ?? run?.pricesFile;
    const asOf = run?.asOf ?? io.now().toISOString().slice(0, 10);
    const quotes = pricesFile === undefined ? () => undefined : panelQuotes(await loadPricePanel(resolve(io.cwd, pricesFile), io.cwd), asOf);
    out.push({ accountId, asOf, valuation: markToMarket(state, marks(state, (s) => quotes(s, io.now()))) });
  }
  if (options.json) {
    io.stdout(JSON.stringify({ accounts: out }, null, 2));
  } else {
    const paint = paintFor(io.stdoutTerminal, io.env);
    io.stdout(out.map((a) => formatPositions(a.accountId, store.account(a.accountId)!.baseCurrency, a.valuation, `prices as of ${a.asOf}`, paint)).join('\n\n'));
  }
  return EXIT.ok;
}
