import { resolve } from 'node:path';
import { loadPricePanel } from '../../workspace/load-price-panel.js';
import { panelQuotes } from '../../market/panel-quotes.js';
import { markToMarket, type Valuation } from '../../portfolio/mark-to-market.js';
import { marks } from '../../portfolio/marks.js';
import { Store } from '../../store/store.js';
import type { CliIo } from '../cli-io.js';
import { dataDir } from '../data-dir.js';
import { EXIT } from '../exit-codes.js';
import { formatPositions } from '../../text/format-positions.js';

/** Options of `ballast positions`. */
export interface PositionsOptions {
  /** Only this account id. */
  readonly account?: string;
  /** Price panel for the marks; default: the prices file of the account's latest run. */
  readonly prices?: string;
  readonly json: boolean;
  readonly dataDir?: string;
}

/**
 * `ballast positions`: every paper account in the store (or one), valued at the latest marks: positions, cash,
 * equity, realized and unrealized P&L, commissions. Marks are the closes as of the account's latest run date (a
 * symbol without a price is carried at cost). Exit 0; 1 when the account is unknown.
 */
export async function positionsCommand(options: PositionsOptions, io: CliIo): Promise<number> {
  const store = await Store.open(dataDir(io, options.dataDir));
  const accounts = store.accountIds().filter((id) => options.account === undefined || id === options.account);
  if (accounts.length === 0) {
    io.stderr(options.account ? `no paper account ${options.account}; \`ballast run\` opens one per policy` : 'no paper accounts yet; `ballast run` opens one per policy');
    return options.account ? EXIT.problems : EXIT.ok;
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
    for (const a of out) io.stdout(formatPositions(a.accountId, store.account(a.accountId)!.baseCurrency, a.valuation, `prices as of ${a.asOf}`));
  }
  return EXIT.ok;
}
