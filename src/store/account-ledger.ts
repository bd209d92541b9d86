import type { AccountStore } from './account-store.js';
import type { StoreContext } from './store-context.js';

/** The {@link AccountStore} over the store's data: ledgers and equity histories by account id. */
export function accountLedger(context: StoreContext): AccountStore {
  const { data } = context;
  return {
    account: (accountId) => data.accounts[accountId],
    accountIds: () => Object.keys(data.accounts).sort(),
    putAccount: (state) => context.change((d) => (d.accounts[state.accountId] = state)),
    recordEquity: (accountId, point) => context.change((d) => (d.equity[accountId] ??= []).push(point)),
    equityHistory: (accountId) => data.equity[accountId] ?? [],
  };
}
