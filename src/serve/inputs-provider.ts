import { join } from 'node:path';
import { panelInputs, type InputsProvider } from '../run/run-inputs.js';
import type { Store } from '../store/store.js';
import { EXAMPLE_PRICES } from '../workspace/example-files.js';
import { loadPricePanel } from '../workspace/load-price-panel.js';

/**
 * The default inputs of scheduled runs, like `ballast run`: the policy's paper account in `store` (opened from
 * `examples/holdings/<policy id>.csv` the first time, so executed approvals count in the next run) and the bundled
 * Dow 30 closes known at the slot — i.e. the last bundled close (2001-01-02) for any slot after the data. Quotes are
 * the same panel's closes as of the decision's UTC date. Reads the panel once, now: throws `InputError` when it cannot
 * be read or parsed, so `ballast serve` stops at start instead of failing every slot.
 */
export async function exampleInputs(examplesDir: string, cwd: string, store: Store): Promise<InputsProvider> {
  const prices = await loadPricePanel(join(examplesDir, EXAMPLE_PRICES), cwd);
  return panelInputs(prices, { kind: 'account', store, examples: examplesDir, cwd });
}
