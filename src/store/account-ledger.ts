import type { AccountStore } from './account-store.js';
import type { StoreContext } from './store-context.js';

/** The {@link AccountStore}: ledgers in the hot state by account id, equity histories in the archive. */
export function accountLedger(context: StoreContext): AccountStore {
  const { data } = context;
  return {
    account: (accountId) => data.accounts[accountId],
    accountIds: () => Object.keys(data.accounts).sort(),
    putAccount: (state) => context.change((d) => (d.accounts[state.accountId] = state)),
    recordEquity: (accountId, point) => context.change((_, outbox) => outbox.equity.push({ accountId, ...point })),
    async equityHistory(accountId) {
      await context.flushed();
      return context.archive.equityHistory(accountId);
    },
  };
}
