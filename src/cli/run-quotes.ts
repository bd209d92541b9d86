import { resolve } from 'node:path';
import type { QuoteSource } from '../approval/approval-service.js';
import { loadPricePanel } from '../workspace/load-price-panel.js';
import { panelQuotes } from '../market/panel-quotes.js';
import type { PricePanel } from '../market/price-panel.js';
import type { RunStore } from '../store/run-store.js';

/**
 * Quotes for re-checking prices before execution: from `pricesPath` when given, else from the prices file of each
 * pending proposal's run (each loaded once; the first with a price wins), as of the instant asked about. A prices
 * file that cannot be read gives no quotes, so its proposals fail with `NO_QUOTE` rather than the command.
 */
export async function runQuotes(store: RunStore, cwd: string, pricesPath?: string): Promise<QuoteSource> {
  if (pricesPath !== undefined) return panelQuotes(await loadPricePanel(resolve(cwd, pricesPath), cwd));
  const panels = new Map<string, PricePanel>();
  const files = new Set((await store.runSummaries({ limit: 50 })).map((run) => run.pricesFile));
  for (const file of [...files].reverse()) {
    try {
      panels.set(file, await loadPricePanel(resolve(cwd, file), cwd));
    } catch {
      // See above: no quotes from an unreadable file.
    }
  }
  const sources = [...panels.values()].map((panel) => panelQuotes(panel));
  return (symbol, at) => {
    for (const quotes of sources) {
      const quote = quotes(symbol, at);
      if (quote !== undefined) return quote;
    }
    return undefined;
  };
}
