/**
 * Position-based portfolio accounting and the paper broker (seed note 001): a JSON-safe account ledger with FIFO
 * lots, exact invariants, and pure functions that return a new state. No I/O, no clock: times are ISO strings.
 */
export type { AccountState, Fill, Lot } from './account-state.js';
export { openAccount, type OpenAccountInput } from './open-account.js';
export { deposit } from './deposit.js';
export { withdraw } from './withdraw.js';
export { applyFill, type FillInput } from './apply-fill.js';
export { markToMarket, type PositionValuation, type Valuation } from './mark-to-market.js';
export { toHoldings } from './to-holdings.js';
export { seedAccount, type SeedAccountInput } from './seed-account.js';
export { assertInvariants, checkInvariants, DEFAULT_TOLERANCE } from './check-invariants.js';
export { executePaper, type PaperCosts, type PaperExecution, type PaperOrder } from './execute-paper.js';
export type { Prices } from './prices.js';
export {
  AccountingInvariantError,
  PortfolioError,
  type InvariantId,
  type InvariantViolation,
  type PortfolioErrorCode,
} from './errors.js';
export type { Holdings, Position } from './holdings.js';
