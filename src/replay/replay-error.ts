import { BallastError } from '../errors.js';

/** Why a replay cannot run, or stopped. */
export type ReplayErrorCode = 'REPLAY_BAD_WINDOW' | 'REPLAY_NO_SESSIONS' | 'REPLAY_MISSING_PRICE' | 'REPLAY_BAD_CAPITAL' | 'ACCOUNTING_INVARIANT';

/** A replay's inputs are unusable (dates outside the price file, a held symbol without prices, …); exit code 1. */
export class ReplayError extends BallastError {
  constructor(code: ReplayErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'ReplayError';
  }
}
